package eu.aifactory.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import eu.aifactory.api.Json;
import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ParameterType;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo seed must be internally consistent: the server loads it as is and the portal shows it to users. */
class SeedContentTest {

    private static final String SEED = "/eu/aifactory/server/seed/";
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final List<String> GPU_CLASSES_SMALLEST_FIRST = List.of("rtx-pro-6000", "b200");
    private static final Set<String> REQUIRED_CATEGORIES = Set.of("quality-inspection", "predictive-maintenance",
            "demand-forecasting", "document-extraction", "llm-assistant", "cae-surrogate");

    record SeedTenant(String id, String name, List<SeedProject> projects, List<SeedUser> users) {
    }

    record SeedProject(String id, String name) {
    }

    record SeedUser(String id, String name, String email, Role role, List<String> projects) {
    }

    private static List<ResourcePlan> plans;
    private static Map<String, ResourcePlan> planById;
    private static List<AppDetail> catalog;
    private static List<SeedTenant> tenants;

    @BeforeAll
    static void load() {
        ObjectMapper strict = Json.strictMapper();
        plans = read(strict, "resource-plans.json", new TypeReference<>() { });
        catalog = read(strict, "catalog.json", new TypeReference<>() { });
        tenants = read(strict, "tenants.json", new TypeReference<>() { });
        planById = plans.stream().collect(Collectors.toMap(ResourcePlan::id, Function.identity()));
    }

    private static <T> T read(ObjectMapper mapper, String file, TypeReference<T> type) {
        try (InputStream in = SeedContentTest.class.getResourceAsStream(SEED + file)) {
            assertThat(in).as(file).isNotNull();
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    @Test
    void plansCoverBothGpuClassesWithTheDocumentedPowerFigures() {
        assertThat(planById).containsKeys("rtx-pro-6000-x1", "b200-x1", "dgx-b200-x1", "dgx-b200-x4");
        assertThat(plans).extracting(ResourcePlan::id).doesNotHaveDuplicates();
        assertThat(plans).allSatisfy(p -> {
            assertThat(GPU_CLASSES_SMALLEST_FIRST).contains(p.gpuClass());
            assertThat(p.gpuCount()).isPositive();
            assertThat(p.gpuIdleWatts()).isLessThan(p.gpuPeakWatts());
            assertThat(p.eurPerHour()).isPositive();
            assertBilingual(p.name(), p.id() + ".name");
        });
        // DGX B200: 14.3 kW maximum system power, of which 8 × 1 kW are GPUs.
        assertThat(planById.get("dgx-b200-x1").peakWatts()).isEqualTo(14_300);
        assertThat(planById.get("dgx-b200-x4").peakWatts()).isEqualTo(4 * 14_300);
        assertThat(planById.get("b200-x1").nodeOverheadWatts()).isEqualTo(6300 / 8);
        assertThat(planById.get("rtx-pro-6000-x1").gpuPeakWatts()).isEqualTo(600);
    }

    @Test
    void catalogHasAtLeastThirtyAppsWithUniqueIdsInAllManufacturingCategories() {
        assertThat(catalog).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalog).extracting(a -> a.summary().id()).doesNotHaveDuplicates();
        Set<String> categories = catalog.stream().map(a -> a.summary().category()).collect(Collectors.toSet());
        assertThat(categories).hasSizeGreaterThanOrEqualTo(6).containsAll(REQUIRED_CATEGORIES);
    }

    @Test
    void visualQualityInspectionIsListedWithAGermanName() {
        AppSummary vqi = catalog.stream().map(AppDetail::summary)
                .filter(s -> s.id().equals("visual-quality-inspection")).findFirst().orElseThrow();
        assertThat(vqi.category()).isEqualTo("quality-inspection");
        assertThat(vqi.name().en()).isEqualTo("Visual Quality Inspection");
        assertThat(vqi.name().de()).contains("Qualität");
        assertThat(vqi.tags()).extracting(LocalizedText::de).contains("Qualität", "Bildverarbeitung");
    }

    @Test
    void everyTextAShopFloorUserSeesHasEnglishAndGerman() {
        for (AppDetail app : catalog) {
            AppSummary s = app.summary();
            assertBilingual(s.name(), s.id() + ".name");
            assertBilingual(s.summary(), s.id() + ".summary");
            assertBilingual(app.description(), s.id() + ".description");
            assertThat(s.tags()).as(s.id() + ".tags").hasSizeBetween(3, 5);
            s.tags().forEach(t -> assertBilingual(t, s.id() + ".tags"));
            assertThat(s.vendor()).as(s.id() + ".vendor").isNotBlank();
            for (AppVersion v : app.versions()) {
                String where = s.id() + "@" + v.version();
                for (ParameterSpec p : v.parameters()) {
                    assertBilingual(p.label(), where + "." + p.name() + ".label");
                    assertBilingual(p.description(), where + "." + p.name() + ".description");
                }
                List<ArtifactSlot> slots = new ArrayList<>(v.inputs());
                slots.addAll(v.outputs());
                for (ArtifactSlot slot : slots) {
                    assertBilingual(slot.description(), where + "." + slot.name());
                }
            }
        }
    }

    @Test
    void versionsAreSemverNewestFirstAndTheSummaryNamesTheNewest() {
        for (AppDetail app : catalog) {
            String id = app.summary().id();
            assertThat(app.versions()).as(id).hasSizeBetween(1, 3);
            assertThat(app.summary().latestVersion()).as(id).isEqualTo(app.versions().get(0).version());
            assertThat(app.versions()).extracting(AppVersion::version).as(id)
                    .allMatch(v -> SEMVER.matcher(v).matches()).doesNotHaveDuplicates();
            assertThat(app.versions()).extracting(AppVersion::releasedAt).as(id)
                    .isSortedAccordingTo((a, b) -> b.compareTo(a))
                    .allMatch(d -> d.getYear() >= 2025 && d.getYear() <= 2026);
        }
    }

    @Test
    void everyVersionRunsOnlyOnExistingPlansOfItsGpuClassOrLarger() {
        for (AppDetail app : catalog) {
            int appRank = GPU_CLASSES_SMALLEST_FIRST.indexOf(app.summary().gpuClass());
            assertThat(appRank).as(app.summary().id() + ".gpuClass").isNotNegative();
            for (AppVersion v : app.versions()) {
                String where = app.summary().id() + "@" + v.version();
                assertThat(v.planIds()).as(where).isNotEmpty().doesNotHaveDuplicates();
                assertThat(planById).as(where).containsKeys(v.planIds().toArray(String[]::new));
                List<Integer> ranks = v.planIds().stream()
                        .map(id -> GPU_CLASSES_SMALLEST_FIRST.indexOf(planById.get(id).gpuClass())).toList();
                assertThat(ranks).as(where + " plans below the app's GPU class").allMatch(r -> r >= appRank);
                assertThat(ranks).as(where + " plan of the app's own GPU class").contains(appRank);
                assertThat(v.pricePerGpuHourEur()).as(where).isNotNegative();
                assertThat(v.baseRuntimeMinutes()).as(where).isBetween(5, 600);
                assertThat(v.gpuUtilisation()).as(where).isBetween(0.3, 0.95);
                assertThat(v.inputs()).as(where).isNotEmpty();
                assertThat(v.outputs()).as(where).isNotEmpty();
            }
        }
    }

    @Test
    void priceFromIsTheCheapestPlanOfTheLatestVersionIncludingTheLicence() {
        for (AppDetail app : catalog) {
            AppVersion latest = app.latest();
            BigDecimal cheapest = latest.planIds().stream()
                    .map(planById::get)
                    .map(p -> p.eurPerHour().add(latest.pricePerGpuHourEur().multiply(BigDecimal.valueOf(p.gpuCount()))))
                    .min(BigDecimal::compareTo).orElseThrow()
                    .setScale(2, RoundingMode.HALF_UP);
            assertThat(app.summary().priceFromEurPerHour()).as(app.summary().id())
                    .isEqualByComparingTo(cheapest);
        }
    }

    @Test
    void everyParameterIsWellFormedAndItsDefaultSatisfiesItsOwnSpec() {
        Set<ParameterType> seen = EnumSet.noneOf(ParameterType.class);
        for (AppDetail app : catalog) {
            for (AppVersion v : app.versions()) {
                String where = app.summary().id() + "@" + v.version();
                assertThat(v.parameters()).as(where).hasSizeBetween(2, 6);
                assertThat(v.parameters()).extracting(ParameterSpec::name).as(where).doesNotHaveDuplicates()
                        .allMatch(n -> n.matches("[a-zA-Z][a-zA-Z0-9_]*"));
                for (ParameterSpec p : v.parameters()) {
                    seen.add(p.type());
                    assertWellFormed(p, where + "." + p.name());
                    assertThat(p.defaultValue()).as(where + "." + p.name() + " default").isNotNull()
                            .satisfies(value -> assertThat(satisfies(p, value)).as(where + "." + p.name()
                                    + " default " + value).isTrue());
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(ParameterType.values());
    }

    @Test
    void defaultCheckRejectsValuesOutsideTheSpec() {
        ParameterSpec integer = spec(ParameterType.INTEGER, BigDecimal.ONE, BigDecimal.TEN, null, List.of());
        assertThat(satisfies(integer, 5)).isTrue();
        assertThat(satisfies(integer, 11)).isFalse();
        assertThat(satisfies(integer, 5.5)).isFalse();
        ParameterSpec string = spec(ParameterType.STRING, null, null, "^L[0-9]{2}$", List.of());
        assertThat(satisfies(string, "L07")).isTrue();
        assertThat(satisfies(string, "L7")).isFalse();
        ParameterSpec choice = spec(ParameterType.ENUM, null, null, null, List.of("a", "b"));
        assertThat(satisfies(choice, "c")).isFalse();
        assertThat(satisfies(spec(ParameterType.BOOLEAN, null, null, null, List.of()), "true")).isFalse();
    }

    @Test
    void everyTenantHasAllThreeRolesAndUsersOnlyInTheirOwnProjects() {
        assertThat(tenants).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tenants).extracting(SeedTenant::id)
                .doesNotHaveDuplicates().contains("mueller-praezision", "autozulieferer-nord", "startup");
        assertThat(tenants).flatExtracting(SeedTenant::projects).extracting(SeedProject::id).doesNotHaveDuplicates();
        assertThat(tenants).flatExtracting(SeedTenant::users).extracting(SeedUser::id).doesNotHaveDuplicates();
        assertThat(tenants).flatExtracting(SeedTenant::users).extracting(SeedUser::email).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("[a-z.]+@[a-z-]+\\.example"));
        for (SeedTenant t : tenants) {
            assertThat(t.name()).isNotBlank();
            assertThat(t.projects()).as(t.id()).hasSizeBetween(2, 4);
            assertThat(t.users()).extracting(SeedUser::role).as(t.id()).containsAll(EnumSet.allOf(Role.class));
            Set<String> projectIds = t.projects().stream().map(SeedProject::id).collect(Collectors.toSet());
            for (SeedUser u : t.users()) {
                assertThat(projectIds).as(u.id()).containsAll(u.projects());
                if (u.role() == Role.ENGINEER) {
                    assertThat(u.projects()).as(u.id()).hasSizeBetween(1, 2);
                } else {
                    assertThat(new HashSet<>(u.projects())).as(u.id()).isEqualTo(projectIds);
                }
            }
        }
        assertThat(tenants.stream().filter(t -> t.id().equals("mueller-praezision")).findFirst().orElseThrow().name())
                .isEqualTo("Müller Präzisionsteile GmbH");
    }

    @Test
    void seedFilesValidateAgainstTheOpenApiSchemas() throws IOException {
        JsonNode schemas = contractSchemas();
        JsonNode planNodes = readTree("resource-plans.json");
        assertThat(validate(schemas, "ResourcePlan", planNodes)).isEmpty();
        assertThat(validate(schemas, "AppDetail", readTree("catalog.json"))).isEmpty();
        // The validator is live: a field the contract does not know is reported.
        ObjectNode tampered = planNodes.get(0).deepCopy();
        tampered.put("surprise", 1);
        assertThat(validate(schemas, "ResourcePlan", JsonNodeFactory.instance.arrayNode().add(tampered))).isNotEmpty();
    }

    /** The contract's component schemas as {@code $defs}, so a plain JSON Schema 2020-12 validator resolves the refs. */
    private static JsonNode contractSchemas() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SeedContentTest.class.getResourceAsStream("/openapi/factory-api.yaml")) {
            JsonNode schemas = new ObjectMapper(new YAMLFactory()).readTree(in).at("/components/schemas");
            return json.readTree(json.writeValueAsString(schemas).replace("#/components/schemas/", "#/$defs/"));
        }
    }

    private static JsonNode readTree(String file) throws IOException {
        try (InputStream in = SeedContentTest.class.getResourceAsStream(SEED + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode schemas, String schemaName, JsonNode data) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", schemas);
        root.put("type", "array");
        root.put("minItems", 1);
        root.putObject("items").put("$ref", "#/$defs/" + schemaName);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        return schema.validate(data);
    }

    private static void assertBilingual(LocalizedText text, String where) {
        assertThat(text).as(where).isNotNull();
        assertThat(text.en()).as(where + ".en").isNotBlank();
        assertThat(text.de()).as(where + ".de").isNotBlank();
    }

    private static void assertWellFormed(ParameterSpec p, String where) {
        switch (p.type()) {
            case NUMBER, INTEGER -> {
                assertThat(p.minimum()).as(where + ".minimum").isNotNull();
                assertThat(p.maximum()).as(where + ".maximum").isNotNull();
                assertThat(p.minimum()).as(where).isLessThan(p.maximum());
                assertThat(p.enumValues()).as(where).isEmpty();
            }
            case ENUM -> {
                assertThat(p.enumValues()).as(where).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
                assertThat(p.minimum()).as(where).isNull();
            }
            case STRING -> {
                assertThat(p.enumValues()).as(where).isEmpty();
                if (p.pattern() != null) {
                    assertThat(Pattern.compile(p.pattern())).as(where).isNotNull();
                }
            }
            case BOOLEAN -> assertThat(p.enumValues()).as(where).isEmpty();
            default -> throw new AssertionError(where + ": unknown type " + p.type());
        }
        if (p.type() != ParameterType.STRING) {
            assertThat(p.pattern()).as(where + ".pattern").isNull();
        }
    }

    private static boolean satisfies(ParameterSpec p, Object value) {
        return switch (p.type()) {
            case STRING -> value instanceof String s && (p.pattern() == null || Pattern.compile(p.pattern()).matcher(s).matches());
            case NUMBER -> value instanceof Number n && !(value instanceof Boolean) && inRange(p, decimal(n));
            case INTEGER -> (value instanceof Integer || value instanceof Long || value instanceof BigInteger)
                    && inRange(p, decimal((Number) value));
            case BOOLEAN -> value instanceof Boolean;
            case ENUM -> value instanceof String s && p.enumValues().contains(s);
        };
    }

    private static BigDecimal decimal(Number n) {
        return new BigDecimal(n.toString());
    }

    private static boolean inRange(ParameterSpec p, BigDecimal v) {
        return (p.minimum() == null || v.compareTo(p.minimum()) >= 0) && (p.maximum() == null || v.compareTo(p.maximum()) <= 0);
    }

    private static ParameterSpec spec(ParameterType type, BigDecimal min, BigDecimal max, String pattern, List<String> values) {
        return new ParameterSpec("p", type, LocalizedText.of("P", "P"), null, true, null, min, max, pattern, values, null);
    }
}
