package eu.aifactory.portal.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import eu.aifactory.api.Json;
import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.ResourcePlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The reference factory's seed catalog and plans, read straight from the resources, and larger generated ones. */
final class SeedCatalog {

    static final String SEED = "/eu/aifactory/server/seed/";
    static final String INSPECTION_ID = "visual-quality-inspection";

    private static final String[] PREFIXES = {"Adaptive", "Edge", "Fleet", "Line", "Plant", "Smart", "Rapid", "Robust",
        "Batch", "Realtime", "Secure", "Hybrid"};
    private static final String[] PREFIXES_DE = {"Adaptive", "Edge-", "Flotten-", "Linien-", "Werks-", "Smarte",
        "Schnelle", "Robuste", "Batch-", "Echtzeit-", "Sichere", "Hybride"};

    private SeedCatalog() {
    }

    static List<AppDetail> apps() {
        return read("catalog.json", new TypeReference<List<AppDetail>>() { });
    }

    static List<ResourcePlan> plans() {
        return read("resource-plans.json", new TypeReference<List<ResourcePlan>>() { });
    }

    static AppDetail app(String id) {
        return apps().stream().filter(app -> app.summary().id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * {@code count} applications made from the seed ones with prefixed names, varied vendors and prices, so
     * search and facets behave as on a large catalog.
     */
    static List<AppDetail> generated(int count, long seed) {
        List<AppDetail> base = apps();
        Random random = new Random(seed);
        List<AppDetail> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            AppDetail template = base.get(i % base.size());
            AppSummary s = template.summary();
            int prefix = random.nextInt(PREFIXES.length);
            LocalizedText name = LocalizedText.of(PREFIXES[prefix] + " " + s.name().en() + " " + i,
                    PREFIXES_DE[prefix] + " " + s.name().de() + " " + i);
            BigDecimal price = s.priceFromEurPerHour().add(BigDecimal.valueOf(random.nextInt(400), 2));
            AppSummary summary = new AppSummary(s.id() + "-" + i, name, s.summary(), s.category(),
                    s.vendor() + (i % 3 == 0 ? "" : " " + (i % 17)), s.gpuClass(), s.tags(), price,
                    random.nextInt(3000), s.latestVersion());
            result.add(new AppDetail(summary, template.description(), template.versions()));
        }
        return result;
    }

    private static <T> T read(String file, TypeReference<T> type) {
        try (InputStream in = SeedCatalog.class.getResourceAsStream(SEED + file)) {
            if (in == null) {
                throw new IllegalStateException("seed resource missing: " + SEED + file);
            }
            return Json.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
