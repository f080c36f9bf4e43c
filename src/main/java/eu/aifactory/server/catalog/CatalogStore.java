package eu.aifactory.server.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.api.Json;
import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.Pricing;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.server.util.TextFold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application catalog, resource plans and GPU pools. The catalog is reference data that changes only when
 * it is loaded, so parsed documents are cached; search, filters, sort and popularity run in SQL.
 */
public final class CatalogStore {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogStore.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final Jdbi jdbi;
    private volatile Snapshot snapshot;

    public CatalogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Snapshot(Map<String, AppDetail> apps, List<ResourcePlan> plans, Map<String, ResourcePlan> plansById,
                            Map<String, Pool> pools) {
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM apps").mapTo(Integer.class).one()) == 0
                && jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM resource_plans").mapTo(Integer.class).one()) == 0;
    }

    /** Loads plans and applications into an empty catalog; plans first, as app prices are computed from them. */
    public void load(List<ResourcePlan> plans, List<AppDetail> apps) {
        jdbi.useTransaction(h -> {
            for (ResourcePlan plan : plans) {
                h.createUpdate("INSERT INTO resource_plans (id, gpu_class, gpu_count, eur_per_hour, plan_json) "
                                + "VALUES (:id, :cls, :n, :eur, :json)")
                        .bind("id", plan.id()).bind("cls", plan.gpuClass()).bind("n", plan.gpuCount())
                        .bind("eur", plan.eurPerHour()).bind("json", write(plan)).execute();
                ensurePool(h, plan);
            }
            Map<String, ResourcePlan> byId = new LinkedHashMap<>();
            plans.forEach(p -> byId.put(p.id(), p));
            for (AppDetail app : apps) {
                insertApp(h, normalise(app, byId));
            }
        });
        snapshot = null;
        LOG.info("Catalog loaded: {} applications, {} resource plans", apps.size(), plans.size());
    }

    private static void ensurePool(Handle h, ResourcePlan plan) {
        int known = h.createQuery("SELECT COUNT(*) FROM gpu_pools WHERE gpu_class = :c").bind("c", plan.gpuClass())
                .mapTo(Integer.class).one();
        if (known == 0) {
            // A class the migration does not know gets a pool that fits four of its largest plan.
            h.createUpdate("INSERT INTO gpu_pools (gpu_class, gpu_model, total_gpus, site) VALUES (:c, :m, :n, :s)")
                    .bind("c", plan.gpuClass()).bind("m", plan.gpuModel()).bind("n", plan.gpuCount() * 4)
                    .bind("s", "Munich (Tucherpark), DE").execute();
        } else {
            h.createUpdate("UPDATE gpu_pools SET total_gpus = :n WHERE gpu_class = :c AND total_gpus < :n")
                    .bind("c", plan.gpuClass()).bind("n", plan.gpuCount()).execute();
        }
    }

    /** Fills the derived summary fields (latest version, price from) so they always agree with versions and plans. */
    private static AppDetail normalise(AppDetail app, Map<String, ResourcePlan> plans) {
        AppVersion latest = app.versions().stream()
                .max(Comparator.comparing((AppVersion v) -> v.releasedAt() == null ? java.time.LocalDate.MIN : v.releasedAt()))
                .orElseThrow(() -> new IllegalArgumentException("app " + app.summary().id() + " has no versions"));
        List<AppVersion> versions = new ArrayList<>(app.versions());
        versions.remove(latest);
        versions.add(0, latest);
        BigDecimal priceFrom = null;
        for (String planId : latest.planIds()) {
            ResourcePlan plan = plans.get(planId);
            if (plan == null) {
                LOG.warn("App {} version {} names unknown plan {}", app.summary().id(), latest.version(), planId);
                continue;
            }
            BigDecimal hourly = Pricing.hourlyEur(plan, latest);
            priceFrom = priceFrom == null || hourly.compareTo(priceFrom) < 0 ? hourly : priceFrom;
        }
        AppSummary s = app.summary();
        AppSummary summary = new AppSummary(s.id(), s.name(), s.summary(), s.category(), s.vendor(), s.gpuClass(), s.tags(),
                (priceFrom == null ? s.priceFromEurPerHour() : priceFrom).setScale(2, RoundingMode.HALF_UP),
                s.popularity(), latest.version());
        return new AppDetail(summary, app.description(), versions);
    }

    private static void insertApp(Handle h, AppDetail app) {
        AppSummary s = app.summary();
        StringJoiner tags = new StringJoiner("|", "|", "|");
        StringJoiner search = new StringJoiner(" ");
        search.add(s.id()).add(s.vendor()).add(s.category().replace('-', ' '));
        addText(search, s.name());
        addText(search, s.summary());
        addText(search, app.description());
        for (LocalizedText tag : s.tags()) {
            tags.add(TextFold.fold(tag.en()));
            if (tag.de() != null) {
                tags.add(TextFold.fold(tag.de()));
            }
            addText(search, tag);
        }
        h.createUpdate("INSERT INTO apps (id, name_sort, category, vendor, vendor_folded, gpu_class, price_from, popularity, "
                        + "latest_version, tags_folded, search_text, detail_json) VALUES (:id, :nameSort, :category, :vendor, "
                        + ":vendorFolded, :gpuClass, :price, :popularity, :latest, :tags, :search, :json)")
                .bind("id", s.id()).bind("nameSort", TextFold.fold(s.name().en()))
                .bind("category", s.category()).bind("vendor", s.vendor()).bind("vendorFolded", TextFold.fold(s.vendor()))
                .bind("gpuClass", s.gpuClass()).bind("price", s.priceFromEurPerHour()).bind("popularity", s.popularity())
                .bind("latest", s.latestVersion()).bind("tags", tags.toString())
                .bind("search", " " + TextFold.fold(search.toString()) + " ").bind("json", write(app))
                .execute();
        for (AppVersion v : app.versions()) {
            h.createUpdate("INSERT INTO app_versions (app_id, version, price_per_gpu_hour_eur, base_runtime_minutes, "
                            + "gpu_utilisation) VALUES (:app, :v, :price, :runtime, :util)")
                    .bind("app", s.id()).bind("v", v.version()).bind("price", v.pricePerGpuHourEur())
                    .bind("runtime", v.baseRuntimeMinutes()).bind("util", v.gpuUtilisation()).execute();
        }
    }

    private static void addText(StringJoiner out, LocalizedText text) {
        if (text != null) {
            out.add(text.en() == null ? "" : text.en());
            out.add(text.de() == null ? "" : text.de());
        }
    }

    public Optional<AppDetail> app(String appId) {
        AppDetail cached = snapshot().apps().get(appId);
        if (cached == null) {
            return Optional.empty();
        }
        int popularity = jdbi.withHandle(h -> h.createQuery("SELECT popularity FROM apps WHERE id = :id")
                .bind("id", appId).mapTo(Integer.class).findOne().orElse(0));
        return Optional.of(withPopularity(cached, popularity));
    }

    /** The cached document without a database round trip, for validation on the hot submit path. */
    public Optional<AppDetail> cachedApp(String appId) {
        return Optional.ofNullable(snapshot().apps().get(appId));
    }

    public List<ResourcePlan> plans() {
        return snapshot().plans();
    }

    public Optional<ResourcePlan> plan(String planId) {
        return Optional.ofNullable(snapshot().plansById().get(planId));
    }

    public Optional<Pool> pool(String gpuClass) {
        return Optional.ofNullable(snapshot().pools().get(gpuClass));
    }

    public List<AppHit> search(AppSearch search) {
        StringBuilder sql = new StringBuilder("SELECT id, name_sort, price_from, popularity FROM apps WHERE 1 = 1");
        for (int i = 0; i < search.terms().size(); i++) {
            sql.append(" AND search_text LIKE :t").append(i).append(" ESCAPE '!'");
        }
        if (search.category() != null) {
            sql.append(" AND category = :category");
        }
        if (search.vendor() != null) {
            sql.append(" AND vendor_folded = :vendor");
        }
        if (search.gpuClass() != null) {
            sql.append(" AND gpu_class = :gpuClass");
        }
        if (search.tag() != null) {
            sql.append(" AND tags_folded LIKE :tag ESCAPE '!'");
        }
        AppCursor after = search.after();
        switch (search.sort()) {
            case NAME -> {
                if (after != null) {
                    sql.append(" AND (name_sort > :afterText OR (name_sort = :afterText AND id > :afterId))");
                }
                sql.append(" ORDER BY name_sort, id");
            }
            case PRICE -> {
                if (after != null) {
                    sql.append(" AND (price_from > :afterNumber OR (price_from = :afterNumber AND id > :afterId))");
                }
                sql.append(" ORDER BY price_from, id");
            }
            case POPULARITY -> {
                if (after != null) {
                    sql.append(" AND (popularity < :afterInt OR (popularity = :afterInt AND id > :afterId))");
                }
                sql.append(" ORDER BY popularity DESC, id");
            }
            default -> throw new IllegalStateException();
        }
        sql.append(" LIMIT :limit");
        Snapshot snap = snapshot();
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            for (int i = 0; i < search.terms().size(); i++) {
                query.bind("t" + i, "%" + TextFold.likeEscape(search.terms().get(i)) + "%");
            }
            query.bind("category", search.category())
                    .bind("vendor", search.vendor() == null ? null : TextFold.fold(search.vendor()))
                    .bind("gpuClass", search.gpuClass())
                    .bind("tag", search.tag() == null ? null : "%|" + TextFold.likeEscape(TextFold.fold(search.tag())) + "|%")
                    .bind("limit", search.limit());
            if (after != null) {
                query.bind("afterId", after.id());
                switch (search.sort()) {
                    case NAME -> query.bind("afterText", after.sortValue());
                    case PRICE -> query.bind("afterNumber", new BigDecimal(after.sortValue()));
                    case POPULARITY -> query.bind("afterInt", Integer.parseInt(after.sortValue()));
                    default -> throw new IllegalStateException();
                }
            }
            return query.map((rs, ctx) -> {
                        String id = rs.getString("id");
                        int popularity = rs.getInt("popularity");
                        String sortValue = switch (search.sort()) {
                            case NAME -> rs.getString("name_sort");
                            case PRICE -> rs.getBigDecimal("price_from").toPlainString();
                            case POPULARITY -> Integer.toString(popularity);
                        };
                        AppDetail detail = snap.apps().get(id);
                        return detail == null ? null
                                : new AppHit(withPopularity(detail, popularity).summary(), new AppCursor(sortValue, id));
                    })
                    .list()
                    .stream().filter(java.util.Objects::nonNull).toList();
        });
    }

    /** Recounts each app's workloads created at or after {@code sinceMillis} (the "last 90 days" of popularity). */
    public void refreshPopularity(long sinceMillis) {
        jdbi.useTransaction(h -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            h.createQuery("SELECT app_id, COUNT(*) AS n FROM workloads WHERE created_at >= :since GROUP BY app_id")
                    .bind("since", sinceMillis)
                    .map((rs, ctx) -> Map.entry(rs.getString("app_id"), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            for (String appId : h.createQuery("SELECT id FROM apps").mapTo(String.class).list()) {
                h.createUpdate("UPDATE apps SET popularity = :n WHERE id = :id")
                        .bind("n", counts.getOrDefault(appId, 0)).bind("id", appId).execute();
            }
        });
    }

    private static AppDetail withPopularity(AppDetail app, int popularity) {
        AppSummary s = app.summary();
        if (s.popularity() == popularity) {
            return app;
        }
        return new AppDetail(new AppSummary(s.id(), s.name(), s.summary(), s.category(), s.vendor(), s.gpuClass(), s.tags(),
                s.priceFromEurPerHour(), popularity, s.latestVersion()), app.description(), app.versions());
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            current = jdbi.withHandle(CatalogStore::read);
            snapshot = current;
        }
        return current;
    }

    private static Snapshot read(Handle h) {
        Map<String, AppDetail> apps = new LinkedHashMap<>();
        h.createQuery("SELECT detail_json FROM apps ORDER BY id").mapTo(String.class)
                .forEach(json -> {
                    AppDetail app = readJson(json, AppDetail.class);
                    apps.put(app.summary().id(), app);
                });
        List<ResourcePlan> plans = h.createQuery("SELECT plan_json FROM resource_plans ORDER BY gpu_count, eur_per_hour, id")
                .mapTo(String.class).map(json -> readJson(json, ResourcePlan.class)).list();
        Map<String, ResourcePlan> byId = new LinkedHashMap<>();
        plans.forEach(p -> byId.put(p.id(), p));
        Map<String, Pool> pools = new LinkedHashMap<>();
        h.createQuery("SELECT gpu_class, gpu_model, total_gpus, site FROM gpu_pools ORDER BY gpu_class")
                .map((rs, ctx) -> new Pool(rs.getString("gpu_class"), rs.getString("gpu_model"), rs.getInt("total_gpus"),
                        rs.getString("site")))
                .forEach(p -> pools.put(p.gpuClass(), p));
        return new Snapshot(Map.copyOf(apps), List.copyOf(plans), Map.copyOf(byId), Map.copyOf(pools));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T readJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt " + type.getSimpleName() + " document in the database", e);
        }
    }
}
