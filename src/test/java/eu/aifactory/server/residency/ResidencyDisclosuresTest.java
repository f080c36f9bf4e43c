package eu.aifactory.server.residency;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Attestation;
import eu.aifactory.api.report.ResidencyReport.Criterion;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.admin.AdminStore;
import eu.aifactory.server.db.Database;
import eu.aifactory.server.residency.ResidencyStore.AttestationRow;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import eu.aifactory.server.tenant.TenantStore;
import eu.aifactory.server.transparency.TransparencyService;
import eu.aifactory.server.transparency.TransparencyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's disclosures and the frameworks of the attestations in the residency report (BSI C5:2026). */
class ResidencyDisclosuresTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");
    private static final long DAY = 86_400_000L;

    private Database database;
    private ResidencyStore store;
    private ResidencyReportService service;
    private Principal adminA;
    private Principal adminB;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:disclosures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TenantStore tenants = new TenantStore(database.jdbi(), clock);
        store = new ResidencyStore(database.jdbi());
        SigningKeyStore keys = SigningKeyStore.inMemory(clock);
        service = new ResidencyReportService(store, new TenantService(tenants), keys,
                new TransparencyService(new TransparencyStore(database.jdbi()), database.transactions(), keys, clock), clock);
        AdminStore adminStore = new AdminStore(database.jdbi());
        database.jdbi().useTransaction(h -> {
            for (String t : List.of("t-a", "t-b")) {
                tenants.createTenant(h, t, "Tenant " + t);
                adminStore.createProject(h, t + "-p1", t, "Line 1");
                adminStore.createUser(h, t + "-admin", t, "Admin", "admin@" + t + ".example", List.of(Role.TENANT_ADMIN),
                        List.of(t + "-p1"), 0L);
            }
        });
        adminA = principal("t-a");
        adminB = principal("t-b");
    }

    private static Principal principal(String tenant) {
        return new Principal(tenant + "-admin", "Admin", "admin@" + tenant + ".example", tenant, "Tenant " + tenant,
                Set.of(Role.TENANT_ADMIN), List.of(new Me.Project(tenant + "-p1", "Line 1")));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void withoutOfficialRequestsTheReportSaysZeroAndStillDisclosesLawParentAndSubprocessors() {
        ResidencyReport.Disclosures d = service.report(adminA, FROM, TO).disclosures();

        assertThat(d).isNotNull();
        assertThat(d.officialRequests()).isEqualTo(new ResidencyReport.OfficialRequests(0, 0, 0, 0, 0));
        assertThat(d.parentCompany()).isEqualTo("Deutsche Telekom AG");
        assertThat(d.parentCountry()).isEqualTo("DE");
        assertThat(d.applicableLaw()).contains("German law");
        assertThat(d.parentLaw()).isNotBlank();
        assertThat(d.dataRequestPolicy()).contains("binding order");
        assertThat(d.subprocessors()).extracting(ResidencyReport.Subprocessor::country).containsOnly("DE");
        assertThat(d.subprocessors()).extracting(ResidencyReport.Subprocessor::location)
                .contains("Munich (Tucherpark)", "Biere");
    }

    @Test
    void officialRequestsAreCountedByOutcomeForTheirTenantAndPeriodOnly() {
        database.jdbi().useHandle(h -> {
            store.insertOfficialRequest(h, "odr-1", "t-a", FROM.toEpochMilli() + DAY, "Landgericht München I", "DE",
                    "§ 142 ZPO", "DISCLOSED");
            store.insertOfficialRequest(h, "odr-2", "t-a", FROM.toEpochMilli() + 3 * DAY, "A foreign authority", "US",
                    "CLOUD Act warrant", "REFUSED");
            store.insertOfficialRequest(h, "odr-3", "t-a", TO.toEpochMilli(), "Staatsanwaltschaft", "DE", "§ 95 StPO",
                    "PENDING");
            store.insertOfficialRequest(h, "odr-4", "t-b", FROM.toEpochMilli() + DAY, "Staatsanwaltschaft", "DE",
                    "§ 95 StPO", "PENDING");
        });

        assertThat(service.report(adminA, FROM, TO).disclosures().officialRequests())
                .isEqualTo(new ResidencyReport.OfficialRequests(2, 1, 1, 0, 0));
        assertThat(service.report(adminB, FROM, TO).disclosures().officialRequests())
                .isEqualTo(new ResidencyReport.OfficialRequests(1, 0, 0, 1, 0));
    }

    @Test
    void attestationsNameTheirFrameworkLevelAndC5Criteria() {
        database.jdbi().useTransaction(h -> {
            store.insertAttestation(h, new AttestationRow("att-c5-2026", "BSI C5:2026 Type 1 attestation (ISAE 3000)",
                    "Auditor", "Everything", FROM.toEpochMilli() - 10 * DAY, TO.toEpochMilli() + 10 * DAY, "C5-1"));
            store.classifyAttestation(h, "att-c5-2026", "bsi-c5-2026", "Type 1", List.of(
                    new Criterion("INQ-05", "Disclosure of the number of investigation requests"),
                    new Criterion("INQ-01", "Legal assessment of investigation requests")));
            store.insertAttestation(h, new AttestationRow("att-gx", "Gaia-X Label", "Body", "Everything",
                    FROM.toEpochMilli(), TO.toEpochMilli(), "GX-1"));
            store.classifyAttestation(h, "att-gx", "gaia-x", "Label Level 2", List.of());
            store.insertAttestation(h, new AttestationRow("att-plain", "Something older", "Body", "Everything",
                    FROM.toEpochMilli(), TO.toEpochMilli(), "X-1"));
        });

        List<Attestation> attestations = service.report(adminA, FROM, TO).attestations();
        Attestation c5 = attestations.stream().filter(a -> a.id().equals("att-c5-2026")).findFirst().orElseThrow();
        assertThat(c5.framework().version()).isEqualTo("C5:2026");
        assertThat(c5.framework().kind()).isEqualTo("ATTESTATION");
        assertThat(c5.level()).isEqualTo("Type 1");
        assertThat(c5.criteria()).extracting(Criterion::id).containsExactly("INQ-01", "INQ-05");
        Attestation gaiaX = attestations.stream().filter(a -> a.id().equals("att-gx")).findFirst().orElseThrow();
        assertThat(gaiaX.framework().kind()).isEqualTo("LABEL");
        assertThat(gaiaX.level()).isEqualTo("Label Level 2");
        Attestation plain = attestations.stream().filter(a -> a.id().equals("att-plain")).findFirst().orElseThrow();
        assertThat(plain.framework()).isNull();
        assertThat(plain.criteria()).isEmpty();
    }

    @Test
    void theGermanFormsOfTheDisclosuresTravelWithTheSignedReport() {
        ResidencyReport report = service.report(adminA, FROM, TO);

        assertThat(report.translations().get("de")).containsKey(report.disclosures().applicableLaw());
        assertThat(report.text(report.disclosures().dataRequestPolicy(), Locale.GERMAN))
                .startsWith("Behördliche Anfragen");
    }
}
