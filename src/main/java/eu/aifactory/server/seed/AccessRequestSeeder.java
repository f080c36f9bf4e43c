package eu.aifactory.server.seed;

import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.server.db.Transactions;
import eu.aifactory.server.operator.OperatorStore;
import eu.aifactory.server.operator.OperatorStore.RequestRow;
import eu.aifactory.server.operator.OperatorTokens;
import eu.aifactory.server.residency.ResidencyStore;
import eu.aifactory.server.residency.ResidencyStore.AccessRow;
import eu.aifactory.server.util.Ids;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * Seeds operator access approval for the demo: one demo operator (its token derived from the installation secret),
 * and for the first demo tenant one request its admin approved three weeks ago, with the access made under it, and one
 * request still waiting for a decision, so the Admin page shows the flow.
 */
public final class AccessRequestSeeder {

    /** The demo operator's token id; its token is {@code OperatorTokens.derived(secret, DEMO_OPERATOR)}. */
    public static final String DEMO_OPERATOR = "op-demo-jonas-berger";
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String ROLE = "Support engineer (2nd level)";
    private static final String EMPLOYER = "T-Systems International GmbH";

    private final OperatorStore operators;
    private final ResidencyStore residency;
    private final Transactions transactions;

    public AccessRequestSeeder(OperatorStore operators, ResidencyStore residency, Transactions transactions) {
        this.operators = operators;
        this.residency = residency;
        this.transactions = transactions;
    }

    public void seed(SeedSource.SeedTenant tenant, byte[] installSecret, long now) {
        Random random = new Random(tenant.id().hashCode() * 31L + 16);
        SeedSource.SeedUser admin = tenant.users().stream().filter(u -> u.role() == Role.TENANT_ADMIN).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo tenant " + tenant.id() + " has no tenant admin"));
        String project = tenant.projects().get(0).id();
        transactions.useTransaction(h -> {
            operators.addToken(h, DEMO_OPERATOR, OperatorTokens.derived(installSecret, DEMO_OPERATOR), "Jonas Berger",
                    ROLE, EMPLOYER, "DE", now - 60 * DAY);

            long asked = officeTime(now, 21, random);
            long decided = asked + 2 * HOUR;
            String approved = Ids.next("ar", random);
            String supportCase = String.format("SUP-%05d", 10_000 + random.nextInt(90_000));
            operators.insertRequest(h, new RequestRow(approved, tenant.id(), null, project, null,
                    "Log lines of the failed runs of project " + tenant.projects().get(0).name(),
                    AccessReason.CUSTOMER_INITIATED_SUPPORT,
                    "The customer's QA team asked why three inspection runs failed; I need to read their log lines.",
                    supportCase, DEMO_OPERATOR, "Jonas Berger", ROLE, EMPLOYER, "DE", "DE", 240, asked, asked + 2 * DAY,
                    AccessRequestState.APPROVED, decided, admin.id(), admin.name(),
                    "Our ticket; reading the logs is fine, no result files please.", 0));
            residency.insertAccess(h, new AccessRow(Ids.next("oa", random), tenant.id(), project, ROLE, decided + HOUR,
                    "Log lines of the failed runs of project " + tenant.projects().get(0).name(),
                    AccessReason.CUSTOMER_INITIATED_SUPPORT,
                    "The customer's QA team asked why three inspection runs failed; I need to read their log lines.",
                    supportCase, "DE", approved, EMPLOYER, "DE", false, null));

            String incident = String.format("INC-%05d", 10_000 + random.nextInt(90_000));
            operators.insertRequest(h, new RequestRow(Ids.next("ar", random), tenant.id(), null, null, null,
                    "Metadata of the tenant's storage volume on node muc-st-07 (no file contents)", AccessReason.HARDWARE_FAULT,
                    "An NVMe drive in storage node muc-st-07 reports media errors. I need to check which of your files "
                            + "have blocks on it and move them to healthy drives.",
                    incident, DEMO_OPERATOR, "Jonas Berger", ROLE, EMPLOYER, "DE", "DE", 120, now - 2 * HOUR, now + 14 * DAY,
                    null, null, null, null, null, 0));
        });
    }

    private static long officeTime(long now, int daysAgo, Random random) {
        ZonedDateTime day = Instant.ofEpochMilli(now).atZone(BERLIN).minusDays(daysAgo);
        while (day.getDayOfWeek().getValue() >= 6) {
            day = day.minusDays(1);
        }
        return day.with(LocalTime.of(9 + random.nextInt(6), random.nextInt(60))).toInstant().toEpochMilli();
    }
}
