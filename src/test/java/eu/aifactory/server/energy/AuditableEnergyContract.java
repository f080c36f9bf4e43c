package eu.aifactory.server.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyProvenance;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an auditor asks of the energy figures, over HTTP and against the OpenAPI document: measured and modelled
 * energy in one report with shares that add up, the rule version a verdict follows, the site's evidence, and carbon
 * per unit of work that reconciles with the receipt. Known values worked out by hand in July 2026 (monthly PUE 1.25).
 * Run on each database by {@link AuditableEnergyTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditableEnergyContract {

    private static final String INSPECTION = "visual-quality-inspection";
    private static final String CRASH = "crash-surrogate";
    private static final long START = Instant.parse("2026-07-15T10:00:00Z").toEpochMilli();
    private static final String FROM = "2026-07-01T00:00:00+02:00";
    private static final String TO = "2026-08-01T00:00:00+02:00";
    private static final String SLURM_METER = "measured: Slurm acct_gather_energy";
    private static final String DCGM = "measured: DCGM (simulated feed)";

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String admin;
    private String otherAdmin;

    AuditableEnergyContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        String url = TestDatabases.freshUrl(kind);
        factory = TestFactory.start(new ServerConfig("127.0.0.1", 0, url, null, false, 1), 15_000);
        api = factory.api;
        EnergyData data = new EnergyData(url);
        data.tenant("mix", "mix-p");
        admin = data.user("mix", "mix-admin", Role.TENANT_ADMIN);
        int[] inspection = new int[10];
        Arrays.fill(inspection, 1_200);
        int[] crash = new int[5];
        Arrays.fill(crash, 12_000);
        // 10 minutes at 1,200 W on one GPU = 200 Wh; 5 minutes at 12,000 W on eight GPUs = 1,000 Wh.
        data.insert(List.of(
                new EnergyData.Run("wl-insp", "mix", "mix-p", "mix-admin", INSPECTION, "b200-x1", 1, START,
                        new BigDecimal("1.0000"), EnergyData.samples(START, inspection, 0, 0)),
                new EnergyData.Run("wl-crash", "mix", "mix-p", "mix-admin", CRASH, "dgx-b200-x1", 8, START,
                        new BigDecimal("9.0000"), EnergyData.samples(START, crash, 0, 0))));
        // The inspection run's first four minutes (80 Wh) were metered by Slurm; the remaining 120 Wh stay as the
        // simulator wrote them (modelled). The crash run was metered by DCGM throughout.
        data.provenance("wl-insp", 0, SLURM_METER);
        data.provenance("wl-insp", START + 5 * EnergyData.MINUTE, "simulated");
        data.provenance("wl-crash", 0, DCGM);

        data.tenant("iso", "iso-p");
        otherAdmin = data.user("iso", "iso-admin", Role.TENANT_ADMIN);
        data.insert(List.of(new EnergyData.Run("wl-iso", "iso", "iso-p", "iso-admin", INSPECTION, "b200-x1", 1, START,
                new BigDecimal("1.0000"), EnergyData.samples(START, new int[] {600, 600}, 0, 0))));
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    private Api.Response get(String path, String token) {
        Api.Response response = api.get(path, token);
        OpenApiValidator.shared().assertValidResponse("GET", path, response.status(), response.contentType(),
                response.body());
        return response;
    }

    private EnergyReport report(String token, String rules) {
        String path = "/v1/reports/energy?from=" + URLEncoder.encode(FROM, StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(TO, StandardCharsets.UTF_8) + "&groupBy=application"
                + (rules == null ? "" : "&rules=" + rules);
        Api.Response response = get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.as(EnergyReport.class);
    }

    private EnergyReceipt receipt(String workloadId) {
        Api.Response response = get("/v1/workloads/" + workloadId + "/energy", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.as(EnergyReceipt.class);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static SiteIndicator indicator(EnergyReport report, String name) {
        return report.indicators().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void measuredAndModelledEnergyInOneReportAddUpToTheItEnergy() {
        EnergyReport report = report(admin, null);
        EnergyProvenance p = report.provenance();

        assertThat(report.totals().itKwh()).isEqualTo(d("1.200"));
        assertThat(p.measuredKwh()).isEqualTo(d("1.080"));
        assertThat(p.modelledKwh()).isEqualTo(d("0.120"));
        assertThat(p.measuredKwh().add(p.modelledKwh())).isEqualTo(report.totals().itKwh());
        assertThat(p.measuredShare()).isEqualTo(d("0.900"));
        assertThat(p.measuredShare().add(p.modelledShare())).isEqualTo(d("1.000"));
        // 1,000 Wh DCGM (5 %) + 80 Wh Slurm (5 %) + 120 Wh modelled (15 %) = a band of 50 + 4 + 18 = 72 Wh.
        assertThat(p.uncertaintyKwh()).isEqualTo(d("0.072"));
        assertThat(p.uncertaintyShare()).isEqualTo(d("0.060"));
        assertThat(p.sources()).extracting(EnergyProvenance.Source::provenance)
                .containsExactly(DCGM, "simulated", SLURM_METER);
        assertThat(p.sources()).extracting(EnergyProvenance.Source::itKwh)
                .containsExactly(d("1.000"), d("0.120"), d("0.080"));
        // 833.3 + 100 + 66.7 thousandths: the largest remainder gets the missing thousandth.
        assertThat(p.sources()).extracting(EnergyProvenance.Source::share)
                .containsExactly(d("0.833"), d("0.100"), d("0.067"));
        assertThat(p.sources().stream().map(EnergyProvenance.Source::share).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(d("1.000"));
        EnergyProvenance.Source dcgm = p.sources().get(0);
        assertThat(dcgm.kind()).isEqualTo(EnergyProvenance.MEASURED);
        assertThat(dcgm.boundary()).isEqualTo("GPU");
        assertThat(dcgm.illustrative()).isTrue();
        assertThat(dcgm.samplingIntervalS()).isEqualTo(d("60.0"));
        assertThat(p.sources().get(1).kind()).isEqualTo(EnergyProvenance.MODELLED);
        assertThat(p.sources().get(1).modelVersion()).isEqualTo("afp-energy-2026.1");
        assertThat(p.sources().get(2).boundary()).isEqualTo("NODE");
        // Per application: the inspection run's 80 Wh of 200 Wh were metered, the crash run's 1,000 Wh all.
        assertThat(report.groups()).extracting(g -> g.key() + "=" + g.measuredKwh() + "/" + g.itKwh())
                .containsExactlyInAnyOrder(CRASH + "=1.000/1.000", INSPECTION + "=0.080/0.200");
        assertThat(p.pue()).singleElement().satisfies(pue -> {
            assertThat(pue.month()).isEqualTo("2026-07");
            assertThat(pue.value()).isEqualByComparingTo("1.25");
            assertThat(pue.basis()).isEqualTo("MONTHLY");
            assertThat(pue.coverage()).contains("whole site");
        });
    }

    @Test
    void aReceiptSplitsItsRunByTheSourceOfItsSamples() {
        EnergyProvenance p = receipt("wl-insp").provenance();

        assertThat(p.measuredKwh()).isEqualTo(d("0.080"));
        assertThat(p.modelledKwh()).isEqualTo(d("0.120"));
        assertThat(p.measuredShare()).isEqualTo(d("0.400"));
        assertThat(p.modelledShare()).isEqualTo(d("0.600"));
        assertThat(p.sources()).extracting(EnergyProvenance.Source::samples).containsExactly(6L, 4L);
    }

    @Test
    void aPueOf125FailsTheEnactedLimitAndPassesTheProposedOne() {
        EnergyReport enacted = report(admin, null);
        EnergyReport proposed = report(admin, "enefg-2026-draft");

        SiteIndicator pue2023 = indicator(enacted, "PUE");
        assertThat(pue2023.value()).isEqualTo(d("1.250"));
        assertThat(enacted.ruleSet().id()).isEqualTo("enefg-2023");
        assertThat(enacted.ruleSet().status()).isEqualTo("ENACTED");
        assertThat(pue2023.ruleSetId()).isEqualTo("enefg-2023");
        assertThat(pue2023.threshold().value()).isEqualByComparingTo("1.2");
        assertThat(pue2023.pass()).isFalse();

        SiteIndicator pueDraft = indicator(proposed, "PUE");
        assertThat(proposed.ruleSet().status()).isEqualTo("PROPOSED");
        assertThat(pueDraft.threshold().value()).isEqualByComparingTo("1.3");
        assertThat(pueDraft.pass()).isTrue();

        // Side by side: each report carries the other version's verdict.
        assertThat(pue2023.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.ruleSetId()).isEqualTo("enefg-2026-draft");
            assertThat(c.pass()).isTrue();
        });
        assertThat(pueDraft.comparisons()).singleElement().satisfies(c -> assertThat(c.pass()).isFalse());
        assertThat(enacted.ruleSets()).extracting(r -> r.id()).containsExactly("enefg-2023", "enefg-2026-draft");
        // Munich has a heat network within 5 km, so the draft keeps the waste-heat duty.
        assertThat(indicator(proposed, "ERF").waived()).isFalse();
        assertThat(indicator(proposed, "ERF").threshold()).isNotNull();
    }

    @Test
    void anUnknownRuleSetIsAValidationProblemNamingTheParameter() {
        Api.Response response = get("/v1/reports/energy?from=" + URLEncoder.encode(FROM, StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(TO, StandardCharsets.UTF_8) + "&rules=enefg-1999", admin);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"rules\"").contains("enefg-2023");
    }

    @Test
    void carbonPerUnitOfTheReportReconcilesWithTheReceipts() {
        EnergyReport report = report(admin, null);
        CarbonIntensity reported = report.carbonIntensity().stream().filter(c -> c.appId().equals(INSPECTION))
                .findFirst().orElseThrow();
        EnergyReceipt receipt = receipt("wl-insp");
        CarbonIntensity own = receipt.carbonIntensity();

        assertThat(own).isEqualTo(reported);
        // E x I: the receipt's location-based CO2e (100 Wh and 150 Wh facility x 363 g/kWh = 36 g + 54 g).
        assertThat(own.operationalKg()).isEqualTo(receipt.co2eKgLocationBased()).isEqualTo(d("0.090"));
        // M: 10 minutes on one GPU = 0.167 GPU-h x 69 g = 11.5 g, rounded to 12 g.
        assertThat(own.gpuHours()).isEqualTo(receipt.gpuHours());
        assertThat(own.embodiedKg()).isEqualTo(d("0.012"));
        // R: 36,000 inspected parts per GPU-hour x 0.167 GPU-h.
        assertThat(own.counting()).isEqualTo("RATE");
        assertThat(own.units()).isEqualTo(d("6012.000"));
        assertThat(own.perUnitG()).isEqualTo(BigDecimal.valueOf(102).divide(own.units(), 4, RoundingMode.HALF_UP));
        assertThat(own.unitLabel().de()).isEqualTo("geprüftes Teil");
        assertThat(own.factors()).extracting(f -> f.key())
                .containsExactly("grid_co2e_location_de", "embodied_gpu_hour_b200");

        CarbonIntensity crash = receipt("wl-crash").carbonIntensity();
        assertThat(crash.counting()).isEqualTo("RUN");
        assertThat(crash.units()).isEqualTo(d("1.000"));
        // 1,250 Wh x 363 g/kWh = 454 g; 0.667 GPU-h x 69 g = 46 g.
        assertThat(crash.perUnitG()).isEqualTo(d("500.0000"));
        assertThat(report.carbonIntensity()).extracting(CarbonIntensity::appId).containsExactly(CRASH, INSPECTION);
    }

    @Test
    void theSiteSectionCarriesRegistrationsCertificatesWaterAndHeat() {
        EnergyReport report = report(admin, null);

        assertThat(report.siteEvidence().euDatabaseId()).contains("illustrative");
        assertThat(report.siteEvidence().deRegisterId()).isNotBlank();
        assertThat(report.siteEvidence().illustrative()).isTrue();
        assertThat(report.siteEvidence().certificates()).hasSize(2)
                .allSatisfy(c -> assertThat(c.productionFrom()).hasToString("2026-07-01"))
                .allSatisfy(c -> assertThat(c.unsubsidised()).isTrue());
        // July: WUE 0.40 L/kWh x 1.2 kWh IT = 0.48 L; ERF 0.08 x 1.5 kWh facility = 0.12 kWh.
        assertThat(report.siteEvidence().water().attributedLitres()).isEqualTo(d("0.5"));
        assertThat(report.siteEvidence().water().siteLitres()).isPositive();
        assertThat(report.siteEvidence().reusedHeat().attributedKwh()).isEqualTo(d("0.120"));
        assertThat(report.siteEvidence().reusedHeat().supplyTemperatureC()).isEqualTo(d("55.0"));
    }

    @Test
    void anotherTenantSeesNoneOfTheseSourcesOrUnits() {
        EnergyReport other = report(otherAdmin, null);

        assertThat(other.totals().itKwh()).isEqualTo(d("0.020"));
        assertThat(other.provenance().sources()).extracting(EnergyProvenance.Source::provenance)
                .containsExactly("simulated");
        assertThat(other.provenance().measuredKwh()).isEqualTo(d("0.000"));
        assertThat(other.carbonIntensity()).extracting(CarbonIntensity::appId).containsExactly(INSPECTION);
        // Two minutes on one GPU are 0.033 GPU-h (GPU-hours have 3 decimals) x 36,000 parts.
        assertThat(other.carbonIntensity().get(0).units()).isEqualTo(d("1188.000"));
        assertThat(get("/v1/workloads/wl-insp/energy", otherAdmin).status()).isEqualTo(404);
    }

    @Test
    void everyTextFromTheFactorysRecordsTravelsWithItsGermanForm() {
        EnergyReport report = report(admin, null);
        EnergyReceipt receipt = receipt("wl-insp");

        assertThat(report.translations().get("de")).as("texts without a German form")
                .containsKeys(ReportTranslations.texts(report).toArray(String[]::new));
        assertThat(receipt.translations().get("de")).as("texts without a German form")
                .containsKeys(ReportTranslations.texts(receipt).toArray(String[]::new));
        assertThat(report.text(report.site(), Locale.GERMAN)).isEqualTo("Industrial AI Cloud München (Tucherpark), DE");
        assertThat(report.text(report.site(), Locale.ENGLISH)).isEqualTo(report.site()).contains("Munich");
        EnergyProvenance.PueUsed july = report.provenance().pue().get(0);
        assertThat(report.text(july.coverage(), Locale.GERMAN)).isEqualTo("gesamter Standort (Halle 1 und Halle 2)");
        assertThat(receipt.text(july.coverage(), Locale.ENGLISH)).isEqualTo("whole site (Hall 1 and Hall 2)");
        String draft = report.ruleSets().stream().filter(r -> r.id().equals("enefg-2026-draft")).findFirst()
                .orElseThrow().name();
        assertThat(report.text(draft, Locale.GERMAN)).isEqualTo("EnEfG-Novelle, Entwurf vom April 2026");
    }
}
