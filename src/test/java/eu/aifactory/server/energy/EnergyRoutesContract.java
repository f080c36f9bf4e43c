package eu.aifactory.server.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.EnergyGroup;
import eu.aifactory.api.report.EnergyGroupBy;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.api.signing.CompactJws;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.client.FactoryClientConfig;
import eu.aifactory.client.HttpFactoryClient;
import eu.aifactory.contract.OpenApiValidator;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Energy receipts and reports over HTTP: known values computed by hand, the split by month and by site-local day,
 * tenant isolation, roles and bad input; every answer is checked against the OpenAPI document. Run on each database
 * by {@link EnergyRoutesTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnergyRoutesContract {

    private static final String APP = "llm-domain-fine-tuning";
    private static final String DGX = "dgx-b200-x1";
    /** 23:57 in Munich (CET, +01:00) on 31 October 2026, three minutes before November begins. */
    private static final long KV_START = Instant.parse("2026-10-31T22:57:00Z").toEpochMilli();

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String kvAdmin;
    private String otherAdmin;
    private String engineerA;
    private String engineerNone;
    private String accountManager;
    private String dstAdmin;

    EnergyRoutesContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        String url = TestDatabases.freshUrl(kind);
        factory = TestFactory.start(new ServerConfig("127.0.0.1", 0, url, null, false, 1), 15_000);
        api = factory.api;
        EnergyData data = new EnergyData(url);

        // The known-value run: a DGX B200 (8 GPUs) from 23:57 on 31 Oct to 00:01:30 on 1 Nov, site time.
        data.tenant("kv", "kv-p");
        kvAdmin = data.user("kv", "kv-admin", Role.TENANT_ADMIN);
        List<EnergyData.Sample> kv = EnergyData.samples(KV_START, new int[] {12_000, 13_200, 14_100, 14_100}, 30_000, 9_650);
        // The counter after each sample, in mJ: 720,000,000 | 1,512,000,000 | 2,358,000,000 | 3,204,000,000 | 3,493,500,000.
        assertThat(kv.get(4).totalEnergyMj()).isEqualTo(3_493_500_000L);
        data.insert(List.of(new EnergyData.Run("wl-kv", "kv", "kv-p", "kv-admin", APP, DGX, 8, KV_START,
                new BigDecimal("10.0000"), kv)));
        // An admin's SQL: November's REF drops to 90 %, so market-based CO2e is not zero.
        data.setIndicator("REF", "2026-11", new BigDecimal("0.90"));

        // Another tenant with much more energy in the same hours.
        data.tenant("other", "other-p");
        otherAdmin = data.user("other", "other-admin", Role.TENANT_ADMIN);
        data.insert(List.of(new EnergyData.Run("wl-other", "other", "other-p", "other-admin", APP, DGX, 8, KV_START,
                new BigDecimal("99.0000"), EnergyData.samples(KV_START, new int[] {14_000, 14_000, 14_000}, 0, 0))));

        // Roles: 200 Wh in project A, 400 Wh in project B.
        data.tenant("roles", "roles-a", "roles-b");
        engineerA = data.user("roles", "roles-eng-a", Role.ENGINEER, "roles-a");
        engineerNone = data.user("roles", "roles-eng-none", Role.ENGINEER);
        accountManager = data.user("roles", "roles-am", Role.ACCOUNT_MANAGER);
        data.insert(List.of(
                new EnergyData.Run("wl-roles-a", "roles", "roles-a", "roles-eng-a", APP, DGX, 8, KV_START,
                        new BigDecimal("1.0000"), EnergyData.samples(KV_START, new int[] {12_000}, 0, 0)),
                new EnergyData.Run("wl-roles-b", "roles", "roles-b", "roles-am", APP, DGX, 8, KV_START,
                        new BigDecimal("2.0000"), EnergyData.samples(KV_START, new int[] {12_000, 12_000}, 0, 0)),
                new EnergyData.Run("wl-roles-empty", "roles", "roles-a", "roles-eng-a", APP, DGX, 8, KV_START,
                        new BigDecimal("0.0000"), List.of())));

        // Daylight saving ends at 01:00 UTC on 25 Oct 2026; this run crosses the site's midnight before it (CEST).
        data.tenant("dst", "dst-p");
        dstAdmin = data.user("dst", "dst-admin", Role.TENANT_ADMIN);
        long dstStart = Instant.parse("2026-10-24T21:58:00Z").toEpochMilli();
        data.insert(List.of(new EnergyData.Run("wl-dst", "dst", "dst-p", "dst-admin", APP, DGX, 8, dstStart,
                new BigDecimal("4.0000"), EnergyData.samples(dstStart, new int[] {12_000, 12_000, 12_000, 12_000}, 0, 0))));
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

    private EnergyReport report(String token, String from, String to, String groupBy) {
        Api.Response response = get(reportPath(from, to, groupBy), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.as(EnergyReport.class);
    }

    private static String reportPath(String from, String to, String groupBy) {
        StringBuilder path = new StringBuilder("/v1/reports/energy?");
        if (from != null) {
            path.append("from=").append(URLEncoder.encode(from, StandardCharsets.UTF_8)).append('&');
        }
        if (to != null) {
            path.append("to=").append(URLEncoder.encode(to, StandardCharsets.UTF_8)).append('&');
        }
        if (groupBy != null) {
            path.append("groupBy=").append(groupBy);
        }
        return path.toString();
    }

    private EnergyReceipt receipt(String token, String workloadId) {
        Api.Response response = get("/v1/workloads/" + workloadId + "/energy", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.as(EnergyReceipt.class);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /*
     * The known-value run, by hand. Samples (site time, power, interval):
     *   23:58 12,000 W x 60 s, 23:59 13,200 W x 60 s                       -> day 31 Oct (October)
     *   00:00 14,100 W x 60 s, 00:01 14,100 W x 60 s, 00:01:30 9,650 W x 30 s -> day 1 Nov (November; a sample
     *   belongs to the day containing its timestamp)
     * IT energy:  Oct (720,000,000 + 792,000,000) mJ = 1,512,000,000 mJ / 3,600,000 = 420 Wh
     *             Nov (846,000,000 x 2 + 289,500,000) mJ = 1,981,500,000 mJ = 550.417 Wh -> 550 Wh;  total 970 Wh
     * Facility:   Oct 420 x PUE 1.20 = 504 Wh;  Nov 550 x PUE 1.19 = 654.5 -> 655 Wh;  total 1,159 Wh
     * Renewable:  Oct 504 x REF 1.00 = 504;  Nov 655 x REF 0.90 = 589.5 -> 590;  total 1,094 Wh; grid 0 + 65 = 65 Wh
     * CO2e loc.:  Oct 504 x 363 g/kWh = 182.952 -> 183 g;  Nov 655 x 0.363 = 237.765 -> 238 g;  total 421 g
     * CO2e market: Oct 0 g;  Nov grid 65 x 725 g/kWh = 47.125 -> 47 g;  total 47 g
     * GPU-hours:  Oct 120 s x 8 = 0.2667 -> 0.267;  Nov 150 s x 8 = 0.3333 -> 0.333;  total 0.600
     * Cost:       EUR 10.00 over 270 s: Oct 120/270 = 4.44, Nov 150/270 = 5.56
     * Node share: 6,300 W x 270 s = 1,701,000 J = 472.5 -> 473 Wh;  GPU energy 970 - 473 = 497 Wh
     * Average:    3,493,500,000 mJ / 270,000 ms = 12,938.9 W;  peak 14,100 W
     */
    @Test
    void receiptOfAHandMadeRunHasTheHandComputedFigures() {
        EnergyReceipt r = receipt(kvAdmin, "wl-kv");

        assertThat(r.samples()).isEqualTo(5);
        assertThat(r.start()).isEqualTo(Instant.parse("2026-10-31T22:57:00Z"));
        assertThat(r.end()).isEqualTo(Instant.parse("2026-10-31T23:01:30Z"));
        assertThat(r.peakPowerW()).isEqualTo(14_100);
        assertThat(r.averagePowerW()).isEqualByComparingTo("12938.9");
        assertThat(r.itKwh()).isEqualTo(d("0.970"));
        assertThat(r.nodeShareKwh()).isEqualTo(d("0.473"));
        assertThat(r.gpuKwh()).isEqualTo(d("0.497"));
        assertThat(r.facilityKwh()).isEqualTo(d("1.159"));
        assertThat(r.renewableKwh()).isEqualTo(d("1.094"));
        assertThat(r.gridKwh()).isEqualTo(d("0.065"));
        assertThat(r.co2eKgLocationBased()).isEqualTo(d("0.421"));
        assertThat(r.co2eKgMarketBased()).isEqualTo(d("0.047"));
        assertThat(r.gpuHours()).isEqualTo(d("0.600"));
        assertThat(r.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(r.methodologyVersion()).isNotBlank();
        assertThat(r.telemetry()).contains("DCGM_FI_DEV_POWER_USAGE", "nodeOverheadWatts");

        assertThat(r.periods()).hasSize(2);
        EnergyReceipt.Period oct = r.periods().get(0);
        EnergyReceipt.Period nov = r.periods().get(1);
        assertThat(oct.month()).isEqualTo("2026-10");
        assertThat(oct.samples()).isEqualTo(2);
        assertThat(oct.itKwh()).isEqualTo(d("0.420"));
        assertThat(oct.pue()).isEqualByComparingTo("1.20");
        assertThat(oct.facilityKwh()).isEqualTo(d("0.504"));
        assertThat(oct.co2eKgLocationBased()).isEqualTo(d("0.183"));
        assertThat(oct.co2eKgMarketBased()).isEqualTo(d("0.000"));
        assertThat(nov.month()).isEqualTo("2026-11");
        assertThat(nov.samples()).isEqualTo(3);
        assertThat(nov.itKwh()).isEqualTo(d("0.550"));
        assertThat(nov.pue()).isEqualByComparingTo("1.19");
        assertThat(nov.facilityKwh()).isEqualTo(d("0.655"));
        assertThat(nov.ref()).isEqualByComparingTo("0.90");
        assertThat(nov.renewableKwh()).isEqualTo(d("0.590"));
        assertThat(nov.gridKwh()).isEqualTo(d("0.065"));
        assertThat(nov.co2eKgLocationBased()).isEqualTo(d("0.238"));
        assertThat(nov.co2eKgMarketBased()).isEqualTo(d("0.047"));

        assertThat(r.factors()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("grid_co2e_location_de");
            assertThat(f.value()).isEqualByComparingTo("363");
            assertThat(f.unit()).isEqualTo("g CO2e/kWh");
            assertThat(f.year()).isEqualTo(2024);
            assertThat(f.source()).contains("Umweltbundesamt");
        });
        assertThat(r.factors()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("grid_co2e_residual_de");
            assertThat(f.source()).contains("AIB").contains("illustrative");
        });
        assertThat(r.factors()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("PUE");
            assertThat(f.validFrom()).hasToString("2026-11-01");
            assertThat(f.source()).contains("Illustrative");
        });
    }

    @Test
    void reportOfTheHandMadeRunSplitsItByDayAndMonthWithTheSameFigures() {
        String from = "2026-10-31T00:00:00+01:00";
        String to = "2026-11-02T00:00:00+01:00";
        EnergyReport byDay = report(kvAdmin, from, to, "day");

        assertThat(byDay.groupBy()).isEqualTo(EnergyGroupBy.DAY);
        assertThat(byDay.groups()).extracting(EnergyGroup::key).containsExactly("2026-10-31", "2026-11-01");
        EnergyGroup oct31 = byDay.groups().get(0);
        assertThat(oct31.start()).isEqualTo(Instant.parse("2026-10-30T23:00:00Z"));
        assertThat(oct31.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(oct31.itKwh()).isEqualTo(d("0.420"));
        assertThat(oct31.facilityKwh()).isEqualTo(d("0.504"));
        assertThat(oct31.costEur()).isEqualTo(d("4.44"));
        assertThat(oct31.gpuHours()).isEqualTo(d("0.267"));
        EnergyGroup nov1 = byDay.groups().get(1);
        assertThat(nov1.itKwh()).isEqualTo(d("0.550"));
        assertThat(nov1.facilityKwh()).isEqualTo(d("0.655"));
        assertThat(nov1.renewableKwh()).isEqualTo(d("0.590"));
        assertThat(nov1.co2eKgMarketBased()).isEqualTo(d("0.047"));
        assertThat(nov1.costEur()).isEqualTo(d("5.56"));
        assertThat(nov1.workloadCount()).isEqualTo(1);
        assertThat(byDay.totals().itKwh()).isEqualTo(d("0.970"));
        assertThat(byDay.totals().facilityKwh()).isEqualTo(d("1.159"));
        assertThat(byDay.totals().co2eKgLocationBased()).isEqualTo(d("0.421"));
        assertThat(byDay.totals().co2eKgMarketBased()).isEqualTo(d("0.047"));
        assertThat(byDay.totals().gpuHours()).isEqualTo(d("0.600"));
        assertThat(byDay.totals().costEur()).isEqualTo(d("10.00"));
        assertThat(byDay.totals().workloadCount()).isEqualTo(1);
        assertThat(byDay.roundingRule()).contains("exact");
        assertThat(byDay.factors()).extracting(f -> f.key()).contains("grid_co2e_location_de", "grid_co2e_residual_de");

        EnergyReport byMonth = report(kvAdmin, from, to, "month");
        assertThat(byMonth.groups()).extracting(EnergyGroup::key).containsExactly("2026-10", "2026-11");
        assertThat(byMonth.totals()).isEqualTo(byDay.totals());
        EnergyReport byApp = report(kvAdmin, from, to, "application");
        assertThat(byApp.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo(APP);
            assertThat(g.label()).isEqualTo("Domain LLM Fine-Tuning");
            assertThat(g.facilityKwh()).isEqualTo(d("1.159"));
        });
    }

    /*
     * Indicators of that period, weighted by its energy:
     *   PUE = 1,159 / 970 = 1.1948 -> 1.195 (<= 1.2 for sites from 1 July 2026: pass)
     *   REF = 1,094 / 1,159 = 0.9439 -> 0.944 (>= 0.50 until the end of 2026: pass)
     *   ERF = (504 x 0.11 + 655 x 0.13) / 1,159 = 0.1213 -> 0.121 (>= 0.10: pass)
     *   WUE = (420 x 0.27 + 550 x 0.23) / 970 = 0.2473 -> 0.247 L/kWh (no legal limit)
     */
    @Test
    void reportPlacesTheSiteIndicatorsBesideTheEnefgThresholds() {
        EnergyReport report = report(kvAdmin, "2026-10-31T00:00:00+01:00", "2026-11-02T00:00:00+01:00", "day");
        Map<String, SiteIndicator> byName = new java.util.HashMap<>();
        report.indicators().forEach(i -> byName.put(i.name(), i));

        assertThat(byName).containsOnlyKeys("PUE", "REF", "ERF", "WUE");
        SiteIndicator pue = byName.get("PUE");
        assertThat(pue.value()).isEqualTo(d("1.195"));
        assertThat(pue.threshold().comparator()).isEqualTo("<=");
        assertThat(pue.threshold().value()).isEqualByComparingTo("1.2");
        assertThat(pue.threshold().appliesFrom()).hasToString("2026-07-01");
        assertThat(pue.threshold().inForce()).isTrue();
        assertThat(pue.threshold().legalReference()).contains("EnEfG");
        assertThat(pue.pass()).isTrue();
        assertThat(pue.values()).extracting(f -> f.value().toPlainString()).containsExactly("1.2000", "1.1900");
        SiteIndicator ref = byName.get("REF");
        assertThat(ref.value()).isEqualTo(d("0.944"));
        assertThat(ref.threshold().value()).isEqualByComparingTo("0.50");
        assertThat(ref.pass()).isTrue();
        SiteIndicator erf = byName.get("ERF");
        assertThat(erf.value()).isEqualTo(d("0.121"));
        assertThat(erf.threshold().comparator()).isEqualTo(">=");
        assertThat(erf.threshold().value()).isEqualByComparingTo("0.10");
        assertThat(erf.pass()).isTrue();
        SiteIndicator wue = byName.get("WUE");
        assertThat(wue.value()).isEqualTo(d("0.247"));
        assertThat(wue.unit()).isEqualTo("L/kWh");
        assertThat(wue.threshold()).isNull();
        assertThat(wue.pass()).isNull();
        // The weighting in words and as a code a client can word in its own language.
        assertThat(pue.weightingBasis()).isEqualTo(SiteIndicator.BY_IT_ENERGY);
        assertThat(ref.weightingBasis()).isEqualTo(SiteIndicator.BY_FACILITY_ENERGY);
        assertThat(erf.weightingBasis()).isEqualTo(SiteIndicator.BY_FACILITY_ENERGY);
        assertThat(wue.weightingBasis()).isEqualTo(SiteIndicator.BY_IT_ENERGY);
    }

    @Test
    void reportOfAPeriodBeforeALimitAppliesShowsTheComingLimitAndItsVerdict() {
        // July 2027: the 100 % renewable rule is in force, ERF must be 15 %; the site's July ERF is 0.09 (fail).
        EnergyReport report = report(kvAdmin, "2027-07-01T00:00:00+02:00", "2027-08-01T00:00:00+02:00", "week");
        SiteIndicator erf = report.indicators().stream().filter(i -> i.name().equals("ERF")).findFirst().orElseThrow();
        assertThat(erf.weighting()).contains("time");
        assertThat(erf.weightingBasis()).isEqualTo(SiteIndicator.BY_TIME);
        assertThat(erf.value()).isEqualTo(d("0.090"));
        assertThat(erf.threshold().value()).isEqualByComparingTo("0.15");
        assertThat(erf.pass()).isFalse();
        SiteIndicator ref = report.indicators().stream().filter(i -> i.name().equals("REF")).findFirst().orElseThrow();
        assertThat(ref.threshold().value()).isEqualByComparingTo("1.00");
        assertThat(ref.pass()).isTrue();
        // An empty month still lists every ISO week, with zeros.
        assertThat(report.groups()).extracting(EnergyGroup::key)
                .containsExactly("2027-W26", "2027-W27", "2027-W28", "2027-W29", "2027-W30");
        assertThat(report.groups().get(0).start()).isEqualTo(Instant.parse("2027-06-30T22:00:00Z"));
        assertThat(report.totals().itKwh()).isEqualTo(d("0.000"));

        EnergyReport early = report(kvAdmin, "2026-03-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00", "month");
        SiteIndicator pue = early.indicators().stream().filter(i -> i.name().equals("PUE")).findFirst().orElseThrow();
        assertThat(pue.threshold().inForce()).isFalse();
        assertThat(pue.threshold().appliesFrom()).hasToString("2026-07-01");
    }

    @Test
    void reportStartingMidRunCountsOnlyTheSamplesFromItsStart() {
        // From midnight on 1 Nov: the Nov samples, measured from the counter at the 23:59 sample before the period.
        EnergyReport report = report(kvAdmin, "2026-11-01T00:00:00+01:00", "2026-11-02T00:00:00+01:00", "workload");

        assertThat(report.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("wl-kv");
            assertThat(g.itKwh()).isEqualTo(d("0.550"));
            assertThat(g.facilityKwh()).isEqualTo(d("0.655"));
            assertThat(g.gpuHours()).isEqualTo(d("0.333"));
        });
    }

    @Test
    void daysFollowTheSiteTimeZoneAcrossTheEndOfDaylightSaving() {
        // Samples at 23:59 CEST on 24 Oct, then 00:00, 00:01, 00:02 CEST on 25 Oct; each minute is 200 Wh.
        EnergyReport report = report(dstAdmin, "2026-10-24T00:00:00+02:00", "2026-10-26T00:00:00+01:00", "day");

        assertThat(report.groups()).extracting(EnergyGroup::key).containsExactly("2026-10-24", "2026-10-25");
        assertThat(report.groups().get(0).itKwh()).isEqualTo(d("0.200"));
        assertThat(report.groups().get(1).itKwh()).isEqualTo(d("0.600"));
        // 25 October has 25 hours in Munich.
        assertThat(report.groups().get(1).start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(report.groups().get(1).end()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(receipt(dstAdmin, "wl-dst").itKwh()).isEqualTo(d("0.800"));
    }

    @Test
    void anotherTenantsWorkloadIsNotFoundAndItsEnergyStaysInItsOwnReport() {
        Api.Response foreign = get("/v1/workloads/wl-other/energy", kvAdmin);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemType()).isEqualTo("not-found");
        assertThat(get("/v1/workloads/wl-kv/energy", otherAdmin).status()).isEqualTo(404);

        String from = "2026-10-31T00:00:00+01:00";
        String to = "2026-11-02T00:00:00+01:00";
        assertThat(report(kvAdmin, from, to, "workload").groups()).extracting(EnergyGroup::key).containsExactly("wl-kv");
        EnergyReport other = report(otherAdmin, from, to, "workload");
        assertThat(other.tenantId()).isEqualTo("other");
        assertThat(other.groups()).extracting(EnergyGroup::key).containsExactly("wl-other");
        // 3 minutes x 14,000 W = 700 Wh.
        assertThat(other.totals().itKwh()).isEqualTo(d("0.700"));
    }

    @Test
    void engineersSeeTheirProjectsAndAccountManagersTheWholeTenant() {
        String from = "2026-10-31T00:00:00+01:00";
        String to = "2026-11-02T00:00:00+01:00";
        EnergyReport engineer = report(engineerA, from, to, "project");
        assertThat(engineer.groups()).extracting(EnergyGroup::key).containsExactly("roles-a");
        assertThat(engineer.totals().itKwh()).isEqualTo(d("0.200"));
        assertThat(engineer.scope()).contains("roles-a");
        assertThat(engineer.projectScope()).isEqualTo(new EnergyReport.ProjectScope(false, List.of("roles-a")));
        EnergyReport manager = report(accountManager, from, to, "project");
        assertThat(manager.groups()).extracting(EnergyGroup::key).containsExactly("roles-b", "roles-a");
        assertThat(manager.totals().itKwh()).isEqualTo(d("0.600"));
        assertThat(manager.scope()).contains("all projects");
        assertThat(manager.projectScope()).isEqualTo(new EnergyReport.ProjectScope(true, List.of()));
        EnergyReport byUser = report(accountManager, from, to, "user");
        assertThat(byUser.groups()).extracting(EnergyGroup::label).containsExactly("User roles-am", "User roles-eng-a");
        EnergyReport nothing = report(engineerNone, from, to, "day");
        assertThat(nothing.totals().itKwh()).isEqualTo(d("0.000"));
        assertThat(nothing.groups()).hasSize(2);
        assertThat(nothing.projectScope()).isEqualTo(new EnergyReport.ProjectScope(false, List.of()));

        assertThat(get("/v1/workloads/wl-roles-b/energy", engineerA).status()).isEqualTo(404);
        assertThat(receipt(accountManager, "wl-roles-b").itKwh()).isEqualTo(d("0.400"));
        assertThat(receipt(engineerA, "wl-roles-a").itKwh()).isEqualTo(d("0.200"));
    }

    @Test
    void aWorkloadWithoutSamplesHasAReceiptOfZeros() {
        EnergyReceipt r = receipt(engineerA, "wl-roles-empty");

        assertThat(r.samples()).isZero();
        assertThat(r.end()).isNull();
        assertThat(r.itKwh()).isEqualTo(d("0.000"));
        assertThat(r.periods()).isEmpty();
        assertThat(r.factors()).extracting(f -> f.key()).contains("grid_co2e_location_de");
    }

    @Test
    void badPeriodsAndGroupingsAreValidationProblemsNamingTheField() {
        record Case(String from, String to, String groupBy, List<String> fields) {
        }
        List<Case> cases = List.of(
                new Case(null, null, null, List.of("from", "to")),
                new Case("2026-11-01T00:00:00Z", null, "day", List.of("to")),
                new Case("yesterday", "2026-11-01T00:00:00Z", null, List.of("from")),
                new Case("2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", null, List.of("to")),
                new Case("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z", null, List.of("to")),
                new Case("2025-11-01T00:00:00+01:00", "2026-11-02T00:00:00.001+01:00", null, List.of("to")),
                new Case("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "hour", List.of("groupBy")),
                new Case("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", "DAY", List.of("groupBy")));
        List<String> seen = new ArrayList<>();
        for (Case c : cases) {
            Api.Response response = get(reportPath(c.from(), c.to(), c.groupBy()), kvAdmin);
            assertThat(response.status()).as(c + " -> " + response.body()).isEqualTo(400);
            assertThat(response.problemType()).isEqualTo("validation");
            List<String> fields = new ArrayList<>();
            response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as(c.toString()).containsExactlyElementsOf(c.fields());
            seen.add(response.json().path("detail").asText());
        }
        assertThat(seen).allSatisfy(detail -> assertThat(detail).isNotBlank());
        // One year and one day is the longest period allowed.
        assertThat(get(reportPath("2025-11-01T00:00:00+01:00", "2026-11-02T00:00:00+01:00", "month"), kvAdmin).status())
                .isEqualTo(200);
    }

    @Test
    void signedReceiptCarriesTheReceiptsFiguresAndVerifiesWithThePublishedKeysButNotAfterAnEdit() throws Exception {
        Api.Response response = get("/v1/workloads/wl-kv/energy/signed", kvAdmin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        SignedEnergyReceipt signed = response.as(SignedEnergyReceipt.class);
        EnergyReceipt receipt = receipt(kvAdmin, "wl-kv");
        JwkSet keys = JwkSet.parse(api.get("/.well-known/factory-keys", null).bytes());

        EnergyReceiptSummary expected = new EnergyReceiptSummary("wl-kv", receipt.site(), receipt.start(), receipt.end(),
                d("1.159"), d("0.421"), keys.keys().get(0).kid());
        assertThat(receipt.site()).isEqualTo("Industrial AI Cloud Munich (Tucherpark), DE");
        assertThat(signed.summary()).isEqualTo(expected);
        assertThat(CompactJws.payloadText(signed.jws())).isEqualTo(expected.text());
        assertThat(CompactJws.verify(signed.jws(), keys).valid()).isTrue();
        String qr = signed.qrText();
        assertThat(SignedEnergyReceipt.verify(qr, keys).valid()).isTrue();
        assertThat(SignedEnergyReceipt.read(qr)).isEqualTo(expected);

        String edited = qr.replace("facility energy: 1.159 kWh", "facility energy: 0.159 kWh");
        assertThat(edited).isNotEqualTo(qr);
        assertThat(SignedEnergyReceipt.verify(edited, keys).reason()).isEqualTo(VerificationResult.Reason.BAD_SIGNATURE);
    }

    @Test
    void signedReceiptsOfOtherTenantsOrProjectsAreNotFoundAndARunWithoutSamplesIsAConflict() {
        Api.Response foreign = get("/v1/workloads/wl-kv/energy/signed", otherAdmin);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemType()).isEqualTo("not-found");
        assertThat(get("/v1/workloads/wl-other/energy/signed", kvAdmin).status()).isEqualTo(404);
        assertThat(get("/v1/workloads/wl-roles-b/energy/signed", engineerA).status()).isEqualTo(404);
        assertThat(get("/v1/workloads/wl-kv/energy/signed", null).status()).isEqualTo(401);
        Api.Response empty = get("/v1/workloads/wl-roles-empty/energy/signed", engineerA);
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.problemType()).isEqualTo("conflict");
        assertThat(empty.json().path("detail").asText()).contains("wl-roles-empty");
    }

    @Test
    void energyNeedsAToken() {
        Api.Response report = get(reportPath("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", null), null);
        assertThat(report.status()).isEqualTo(401);
        assertThat(get("/v1/workloads/wl-kv/energy", null).status()).isEqualTo(401);
    }

    @Test
    void theClientReadsTheSameReceiptAndReport() {
        try (HttpFactoryClient client = new HttpFactoryClient(FactoryClientConfig.builder(factory.server.baseUri())
                .token(kvAdmin::toCharArray).build())) {
            EnergyReceipt receipt = client.energyReceipt("wl-kv");
            assertThat(receipt).isEqualTo(receipt(kvAdmin, "wl-kv"));
            Instant from = OffsetDateTime.parse("2026-10-31T00:00:00+01:00").toInstant();
            Instant to = OffsetDateTime.parse("2026-11-02T00:00:00+01:00").toInstant();
            EnergyReport report = client.energyReport(from, to, EnergyGroupBy.DAY);
            assertThat(report.totals()).isEqualTo(report(kvAdmin, from.toString(), to.toString(), "day").totals());
            assertThat(client.energyReport(from, to, null).groupBy()).isEqualTo(EnergyGroupBy.MONTH);
        }
    }

    @Test
    void groupsAreSerialisedWithThreeDecimalsAsTheRoundingRuleSays() {
        String body = get(reportPath("2026-10-31T00:00:00+01:00", "2026-11-02T00:00:00+01:00", "day"), kvAdmin).body();
        // Read as text: a JSON tree would parse 0.970 as the double 0.97.
        assertThat(body).contains("\"itKwh\":0.970,", "\"co2eKgMarketBased\":0.000,", "\"costEur\":4.44,",
                "\"gpuHours\":0.600,");
    }
}
