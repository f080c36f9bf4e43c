package eu.aifactory.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestDatabases;
import eu.aifactory.server.support.TestFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Health, me, catalog, plans and estimates; run against each database by {@link CatalogRoutesTest}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogRoutesContract {

    private final TestDatabases.Kind kind;
    private TestFactory factory;
    private Api api;
    private String admin;
    private String engineer;

    CatalogRoutesContract(TestDatabases.Kind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void start() {
        factory = TestFactory.start(kind, 1);
        api = factory.api;
        admin = factory.token("acme-admin");
        engineer = factory.token("acme-eng");
    }

    @AfterAll
    void stop() {
        factory.close();
    }

    @Test
    void healthNeedsNoTokenAndSaysOk() {
        Api.Response response = api.get("/v1/health", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("ok");
        assertThat(response.json().path("site").asText()).contains("Munich");
    }

    @Test
    void meShowsTheEngineersOwnProjectsAndTheAdminsWholeTenant() {
        JsonNode me = api.get("/v1/me", engineer).json();
        assertThat(me.path("user").path("id").asText()).isEqualTo("acme-eng");
        assertThat(me.path("tenant").path("id").asText()).isEqualTo("acme");
        assertThat(me.path("roles").toString()).isEqualTo("[\"engineer\"]");
        assertThat(ids(me.path("projects"))).containsExactly("acme-qs");

        JsonNode adminMe = api.get("/v1/me", admin).json();
        assertThat(adminMe.path("roles").toString()).isEqualTo("[\"tenant-admin\"]");
        assertThat(ids(adminMe.path("projects"))).containsExactlyInAnyOrder("acme-qs", "acme-maint");
    }

    @Test
    void appSearchFoldsCaseAndGermanUmlautSpellings() {
        for (String q : List.of("Qualität", "qualitaet", "qualitat", "QUALITÄTSPRÜFUNG", "Qualitaetspruefung")) {
            JsonNode page = api.get("/v1/apps?q=" + enc(q), engineer).json();
            assertThat(ids(page.path("items"))).as("q=%s", q).contains("visual-quality-inspection");
        }
        assertThat(ids(api.get("/v1/apps?q=" + enc("visual inspection"), engineer).json().path("items")))
                .containsExactly("visual-quality-inspection");
        assertThat(api.get("/v1/apps?q=zzzznotthere", engineer).json().path("items").size()).isZero();
        assertThat(api.get("/v1/apps?q=" + enc("50%_"), engineer).json().path("items").size()).isZero();
    }

    @Test
    void appFiltersNarrowByCategoryVendorGpuClassAndTag() {
        assertThat(ids(api.get("/v1/apps?category=llm-assistant", engineer).json().path("items")))
                .containsExactly("llm-domain-fine-tuning");
        assertThat(ids(api.get("/v1/apps?gpuClass=b200", engineer).json().path("items")))
                .containsExactly("llm-domain-fine-tuning");
        assertThat(ids(api.get("/v1/apps?vendor=" + enc("Isar Vision Systems"), engineer).json().path("items")))
                .containsExactly("visual-quality-inspection");
        assertThat(ids(api.get("/v1/apps?tag=" + enc("Qualität"), engineer).json().path("items")))
                .contains("visual-quality-inspection");
        assertThat(ids(api.get("/v1/apps?tag=quality", engineer).json().path("items")))
                .contains("visual-quality-inspection");
        assertThat(ids(api.get("/v1/apps?category=no-such-thing", engineer).json().path("items"))).isEmpty();
    }

    @Test
    void appPagesCoverEveryAppOnceInEachSort() {
        for (String sort : List.of("name", "price", "popularity")) {
            List<JsonNode> all = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = api.get("/v1/apps?limit=1&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor),
                        engineer).json();
                page.path("items").forEach(all::add);
                cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            List<String> ids = all.stream().map(a -> a.path("id").asText()).toList();
            assertThat(ids).as(sort).hasSize(4).doesNotHaveDuplicates();
            for (int i = 1; i < all.size(); i++) {
                JsonNode a = all.get(i - 1);
                JsonNode b = all.get(i);
                switch (sort) {
                    case "name" -> assertThat(a.path("name").path("en").asText().compareToIgnoreCase(b.path("name").path("en").asText()))
                            .isLessThanOrEqualTo(0);
                    case "price" -> assertThat(a.path("priceFromEurPerHour").decimalValue())
                            .isLessThanOrEqualTo(b.path("priceFromEurPerHour").decimalValue());
                    default -> assertThat(a.path("popularity").asInt()).isGreaterThanOrEqualTo(b.path("popularity").asInt());
                }
            }
        }
    }

    @Test
    void appListRejectsBadLimitSortAndCursor() {
        for (String query : List.of("limit=0", "limit=501", "limit=abc", "sort=vendor", "cursor=garbage",
                "cursor=" + foreignCursor())) {
            Api.Response response = api.get("/v1/apps?" + query, engineer);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.problemType()).as(query).isEqualTo("validation");
        }
        assertThat(api.get("/v1/apps?limit=500", engineer).status()).isEqualTo(200);
    }

    private String foreignCursor() {
        // A valid cursor of the name sort does not fit the price sort.
        return api.get("/v1/apps?limit=1&sort=name", engineer).json().path("nextCursor").asText() + "&sort=price";
    }

    @Test
    void appDetailListsVersionsNewestFirstAndUnknownAppIsNotFound() {
        JsonNode app = api.get("/v1/apps/visual-quality-inspection", engineer).json();
        assertThat(app.path("summary").path("latestVersion").asText()).isEqualTo(app.path("versions").get(0).path("version").asText());
        assertThat(app.path("versions").size()).isGreaterThan(1);
        Api.Response missing = api.get("/v1/apps/no-such-app", engineer);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("not-found");
    }

    @Test
    void resourcePlansComeSmallestFirst() {
        JsonNode plans = api.get("/v1/resource-plans", engineer).json();
        assertThat(plans.size()).isEqualTo(5);
        for (int i = 1; i < plans.size(); i++) {
            assertThat(plans.get(i - 1).path("gpuCount").asInt()).isLessThanOrEqualTo(plans.get(i).path("gpuCount").asInt());
        }
    }

    @Test
    void estimateFollowsTheDocumentedModel() {
        JsonNode plan = null;
        for (JsonNode p : api.get("/v1/resource-plans", engineer).json()) {
            if (p.path("id").asText().equals("rtx-pro-6000-x4")) {
                plan = p;
            }
        }
        JsonNode version = api.get("/v1/apps/visual-quality-inspection", engineer).json().path("versions").get(0);
        JsonNode estimate = api.post("/v1/estimates", engineer, "{\"appId\":\"visual-quality-inspection\",\"appVersion\":\""
                + version.path("version").asText() + "\",\"planId\":\"rtx-pro-6000-x4\"}").json();

        int gpus = plan.path("gpuCount").asInt();
        long runtimeS = Math.round(version.path("baseRuntimeMinutes").asInt() * 60.0 * 8 / gpus);
        assertThat(estimate.path("expectedRuntimeSeconds").asLong()).isEqualTo(runtimeS);
        BigDecimal hours = BigDecimal.valueOf(runtimeS).divide(BigDecimal.valueOf(3600), 10, RoundingMode.HALF_UP);
        BigDecimal gpuHours = hours.multiply(BigDecimal.valueOf(gpus));
        BigDecimal cost = plan.path("eurPerHour").decimalValue().multiply(hours)
                .add(version.path("pricePerGpuHourEur").decimalValue().multiply(gpuHours));
        assertThat(estimate.path("costEur").decimalValue()).isEqualByComparingTo(cost.setScale(2, RoundingMode.HALF_UP));
        assertThat(estimate.path("gpuHours").decimalValue()).isEqualByComparingTo(gpuHours.setScale(3, RoundingMode.HALF_UP));

        double util = version.path("gpuUtilisation").asDouble();
        double watts = gpus * (plan.path("gpuIdleWatts").asInt()
                + (plan.path("gpuPeakWatts").asInt() - plan.path("gpuIdleWatts").asInt()) * util)
                + plan.path("nodeOverheadWatts").asInt();
        double facilityKwh = watts * runtimeS / 3600 / 1000 * 1.18;
        assertThat(estimate.path("energyKwh").asDouble()).isCloseTo(facilityKwh, org.assertj.core.data.Offset.offset(0.002));
        assertThat(estimate.path("co2eKgLocationBased").asDouble())
                .isCloseTo(facilityKwh * 0.363, org.assertj.core.data.Offset.offset(0.002));
        assertThat(estimate.path("co2eKgMarketBased").decimalValue()).isEqualByComparingTo("0");
        assertThat(estimate.path("methodologyVersion").asText()).isNotBlank();
    }

    @Test
    void estimateOfAnUnknownAppOrBadParameterNamesTheField() {
        Api.Response unknown = api.post("/v1/estimates", engineer,
                "{\"appId\":\"nope\",\"appVersion\":\"1.0.0\",\"planId\":\"rtx-pro-6000-x1\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("appId");
        Api.Response badParam = api.post("/v1/estimates", engineer, "{\"appId\":\"visual-quality-inspection\","
                + "\"appVersion\":\"2.3.0\",\"planId\":\"rtx-pro-6000-x1\",\"parameters\":{\"imageSize\":1}}");
        assertThat(badParam.status()).isEqualTo(400);
        assertThat(badParam.json().path("errors").get(0).path("field").asText()).isEqualTo("parameters.imageSize");
    }

    public static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.has("id") ? n.path("id").asText() : n.path("summary").path("id").asText()));
        return ids;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
