package eu.aifactory.server.energy;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.server.db.TextTranslations;
import eu.aifactory.server.energy.model.EnergyFactors;
import eu.aifactory.server.energy.model.EnergyModel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads what energy receipts and reports are made of. The samples are summed in the database, one row per workload
 * and site-local day (a <em>cell</em>); only those rows, never the samples, reach the JVM.
 */
public final class EnergyStore {

    /** The site every workload runs at (see {@code energy_sites}). */
    public static final String SITE = "muc-tucherpark";
    private static final long DAY_MS = 86_400_000L;

    private final Jdbi jdbi;

    public EnergyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The {@code language} forms of those of {@code english} that have one, by English text. */
    public Map<String, String> translations(String language, Collection<String> english) {
        return TextTranslations.find(jdbi, language, english);
    }

    /** The site, its indicators, the thresholds and the factors as they are stored now. */
    public EnergyModel model() {
        EnergyFactors factors = factors();
        return jdbi.withHandle(h -> {
            EnergyModel.Site site = h.createQuery("SELECT site, name, time_zone, operating_since, enefg_class, note, "
                            + "eu_database_id, de_register_id, heat_network_within_5km FROM energy_sites WHERE site = :s")
                    .bind("s", SITE)
                    .map((rs, ctx) -> new EnergyModel.Site(rs.getString("site"), rs.getString("name"),
                            ZoneId.of(rs.getString("time_zone")), rs.getObject("operating_since", LocalDate.class),
                            rs.getString("enefg_class").toUpperCase(Locale.ROOT), rs.getString("note"),
                            rs.getString("eu_database_id"), rs.getString("de_register_id"),
                            rs.getBoolean("heat_network_within_5km")))
                    .findOne()
                    .orElseThrow(() -> new IllegalStateException("site " + SITE + " is missing from energy_sites"));
            List<EnergyModel.IndicatorRow> indicators = h.createQuery("SELECT indicator, valid_from, valid_to, "
                            + "indicator_value, unit, source, coverage FROM site_indicators WHERE site = :s "
                            + "ORDER BY indicator, valid_from")
                    .bind("s", SITE)
                    .map((rs, ctx) -> new EnergyModel.IndicatorRow(rs.getString("indicator"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                            rs.getBigDecimal("indicator_value"), rs.getString("unit"), rs.getString("source"),
                            rs.getString("coverage")))
                    .list();
            List<EnergyModel.ThresholdRow> thresholds = h.createQuery("SELECT rule_set, indicator, site_class, "
                            + "applies_from, comparator, threshold_value, unit, legal_reference, note, "
                            + "waived_without_heat_network FROM rule_thresholds ORDER BY rule_set, indicator, applies_from")
                    .map((rs, ctx) -> new EnergyModel.ThresholdRow(rs.getString("rule_set"), rs.getString("indicator"),
                            rs.getString("site_class").toUpperCase(Locale.ROOT), rs.getObject("applies_from", LocalDate.class),
                            rs.getString("comparator"), rs.getBigDecimal("threshold_value"), rs.getString("unit"),
                            rs.getString("legal_reference"), rs.getString("note"),
                            rs.getBoolean("waived_without_heat_network")))
                    .list();
            return new EnergyModel(site, indicators, thresholds, factors, evidence(h));
        });
    }

    private static EnergyModel.Evidence evidence(Handle h) {
        List<RuleSet> ruleSets = h.createQuery("SELECT id, name, status, legal_source, published_on, note FROM rule_sets "
                        + "ORDER BY published_on, id")
                .map((rs, ctx) -> new RuleSet(rs.getString("id"), rs.getString("name"), rs.getString("status"),
                        rs.getString("legal_source"), rs.getObject("published_on", LocalDate.class), rs.getString("note")))
                .list();
        Map<String, EnergyModel.SourceRow> sources = new HashMap<>();
        h.createQuery("SELECT * FROM energy_sources")
                .map((rs, ctx) -> new EnergyModel.SourceRow(rs.getString("provenance"), rs.getString("kind"),
                        rs.getString("source"), rs.getString("device"), rs.getString("model"),
                        rs.getString("model_version"), rs.getString("boundary"), rs.getBigDecimal("uncertainty"),
                        rs.getBoolean("illustrative"), rs.getString("description")))
                .forEach(r -> sources.put(r.provenance(), r));
        List<EnergyModel.FlowRow> flows = h.createQuery("SELECT * FROM site_resource_flows WHERE site = :s ORDER BY valid_from")
                .bind("s", SITE)
                .map((rs, ctx) -> new EnergyModel.FlowRow(rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getBigDecimal("water_litres"),
                        rs.getBigDecimal("reused_heat_kwh"), rs.getBigDecimal("heat_supply_temp_c"),
                        rs.getString("heat_recipient"), rs.getString("source")))
                .list();
        List<SiteEvidence.Certificate> certificates = h.createQuery("SELECT * FROM renewable_certificates WHERE site = :s "
                        + "ORDER BY production_from, certificate_id")
                .bind("s", SITE)
                .map((rs, ctx) -> new SiteEvidence.Certificate(rs.getString("certificate_id"), rs.getString("registry"),
                        rs.getObject("production_from", LocalDate.class), rs.getObject("production_to", LocalDate.class),
                        rs.getBigDecimal("mwh"), rs.getString("energy_source"), rs.getString("plant"),
                        rs.getString("plant_country"), rs.getBoolean("unsubsidised")))
                .list();
        Map<String, EnergyModel.FunctionalUnit> units = new HashMap<>();
        h.createQuery("SELECT * FROM app_functional_units")
                .map((rs, ctx) -> new EnergyModel.FunctionalUnit(rs.getString("app_id"), rs.getString("unit_key"),
                        new LocalizedText(rs.getString("label_en"), rs.getString("label_de")), rs.getString("counting"),
                        rs.getBigDecimal("units_per_gpu_hour"), rs.getString("note")))
                .forEach(u -> units.put(u.appId(), u));
        return new EnergyModel.Evidence(ruleSets, sources, flows, certificates, units);
    }

    /**
     * A workload's samples within one site-local day, summed by the database.
     *
     * @param lastTs     time of the cell's last sample
     * @param maxMj      the energy counter at that sample (it only grows during a run)
     * @param prevTs     time of the workload's sample before the cell, null when the cell holds its first sample
     *                   within the queried range
     * @param prevMj     the energy counter at that sample, null likewise
     * @param provenance where the cell's samples come from (a workload's samples of one day with two provenances make
     *                   two cells)
     */
    public record CellRow(String workloadId, LocalDate day, long samples, long lastTs, long maxMj, int peakPowerW,
                          Long prevTs, Long prevMj, WorkloadInfo workload, String provenance) {
    }

    /** What a report groups by, and what cost and GPU-hours are computed from. */
    public record WorkloadInfo(String id, String name, String projectId, String projectName, String appId,
                               String submittedBy, String submittedByName, String planId, int gpuCount, Long startedAt,
                               BigDecimal costEur, long progressMs, WorkloadStatus status, Long endedAt,
                               String gpuClass) {
    }

    /**
     * Streams the cells of a tenant's samples with {@code from <= ts < to}, ordered by workload and day.
     *
     * @param projects only workloads of these projects; null for all of the tenant's
     */
    public void cells(String tenantId, List<String> projects, long from, long to, ZoneId zone, Consumer<CellRow> sink) {
        String where = "s.tenant_id = :tenant AND s.ts >= :from AND s.ts < :to";
        String outer = projects == null ? "" : "WHERE w.project_id IN (<projects>)";
        jdbi.useHandle(h -> {
            Query query = h.createQuery(cellSql(where, dayExpression(zone, from, to), outer))
                    .bind("tenant", tenantId).bind("from", from).bind("to", to);
            if (projects != null) {
                query.bindList("projects", projects);
            }
            query.setFetchSize(1000).map(EnergyStore::cell).forEach(sink);
        });
    }

    /** The cells of one workload's samples (all of them), ordered by day. */
    public List<CellRow> workloadCells(String tenantId, String workloadId, ZoneId zone) {
        return jdbi.withHandle(h -> workloadCells(h, tenantId, workloadId, zone));
    }

    /** The same, in the caller's transaction: it sees the samples and totals written there so far. */
    public List<CellRow> workloadCells(Handle h, String tenantId, String workloadId, ZoneId zone) {
        Optional<long[]> range = h.createQuery("SELECT MIN(ts), MAX(ts) FROM power_samples WHERE workload_id = :w")
                .bind("w", workloadId)
                .map((rs, ctx) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
                .findOne();
        if (range.isEmpty()) {
            return List.of();
        }
        String where = "s.workload_id = :w AND s.tenant_id = :tenant";
        return h.createQuery(cellSql(where, dayExpression(zone, range.get()[0], range.get()[1] + 1), ""))
                .bind("w", workloadId).bind("tenant", tenantId)
                .map(EnergyStore::cell)
                .list();
    }

    /** The last sample (time and energy counter) before {@code before} of each workload named. */
    public Map<String, long[]> lastSampleBefore(List<String> workloadIds, long before) {
        Map<String, long[]> last = new HashMap<>();
        if (workloadIds.isEmpty()) {
            return last;
        }
        jdbi.useHandle(h -> {
            for (int i = 0; i < workloadIds.size(); i += 500) {
                List<String> chunk = workloadIds.subList(i, Math.min(workloadIds.size(), i + 500));
                h.createQuery("SELECT workload_id, MAX(ts) AS ts, MAX(total_energy_mj) AS mj FROM power_samples "
                                + "WHERE workload_id IN (<ids>) AND ts < :before GROUP BY workload_id")
                        .bindList("ids", chunk).bind("before", before)
                        .map((rs, ctx) -> Map.entry(rs.getString("workload_id"), new long[] {rs.getLong("ts"), rs.getLong("mj")}))
                        .forEach(e -> last.put(e.getKey(), e.getValue()));
            }
        });
        return last;
    }

    /**
     * Day numbers (days since 1970-01-01, site-local) of sample times in SQL: {@code (ts + offset) / 86400000}, the
     * offset switching at each daylight-saving transition between {@code from} and {@code to}. Integer division is
     * floor division here because times are positive.
     */
    static String dayExpression(ZoneId zone, long from, long to) {
        ZoneRules rules = zone.getRules();
        Instant cursor = Instant.ofEpochMilli(from);
        long offset = rules.getOffset(cursor).getTotalSeconds() * 1000L;
        StringBuilder cases = new StringBuilder();
        ZoneOffsetTransition next = rules.nextTransition(cursor);
        while (next != null && next.getInstant().toEpochMilli() < to) {
            cases.append(" WHEN s.ts < ").append(next.getInstant().toEpochMilli()).append(" THEN ").append(offset);
            offset = next.getOffsetAfter().getTotalSeconds() * 1000L;
            next = rules.nextTransition(next.getInstant());
        }
        String offsetSql = cases.length() == 0 ? Long.toString(offset) : "CASE" + cases + " ELSE " + offset + " END";
        return "(s.ts + " + offsetSql + ") / " + DAY_MS;
    }

    private static String cellSql(String sampleFilter, String dayExpression, String outerFilter) {
        // A cell's predecessor is the workload's previous cell by time: the day before, or the same day's cell of
        // the samples of another provenance.
        return "SELECT x.workload_id, x.day_no, x.provenance, x.n, x.last_ts, x.max_mj, x.peak_w, x.prev_ts, x.prev_mj, "
                + "w.name, w.project_id, p.name AS project_name, w.app_id, w.submitted_by, u.name AS user_name, w.plan_id, "
                + "w.gpu_count, w.started_at, w.cost_eur, w.progress_ms, w.status, w.ended_at, w.gpu_class "
                + "FROM (SELECT c.workload_id, c.day_no, c.provenance, c.n, c.last_ts, c.max_mj, c.peak_w, "
                + "LAG(c.last_ts) OVER (PARTITION BY c.workload_id ORDER BY c.last_ts) AS prev_ts, "
                + "LAG(c.max_mj) OVER (PARTITION BY c.workload_id ORDER BY c.last_ts) AS prev_mj "
                + "FROM (SELECT d.workload_id, d.day_no, d.provenance, COUNT(*) AS n, MAX(d.ts) AS last_ts, "
                + "MAX(d.total_energy_mj) AS max_mj, MAX(d.power_usage_w) AS peak_w "
                + "FROM (SELECT s.workload_id, s.ts, s.total_energy_mj, s.power_usage_w, s.provenance, " + dayExpression
                + " AS day_no FROM power_samples s WHERE " + sampleFilter + ") d "
                + "GROUP BY d.workload_id, d.day_no, d.provenance) c) x "
                + "JOIN workloads w ON w.id = x.workload_id "
                + "LEFT JOIN projects p ON p.id = w.project_id "
                + "LEFT JOIN users u ON u.id = w.submitted_by "
                + outerFilter
                + " ORDER BY x.workload_id, x.last_ts";
    }

    private static CellRow cell(ResultSet rs, StatementContext ctx) throws SQLException {
        long prevTs = rs.getLong("prev_ts");
        Long prevTsOrNull = rs.wasNull() ? null : prevTs;
        long prevMj = rs.getLong("prev_mj");
        Long prevMjOrNull = rs.wasNull() ? null : prevMj;
        long startedAt = rs.getLong("started_at");
        Long startedAtOrNull = rs.wasNull() ? null : startedAt;
        long endedAt = rs.getLong("ended_at");
        Long endedAtOrNull = rs.wasNull() ? null : endedAt;
        WorkloadInfo workload = new WorkloadInfo(rs.getString("workload_id"), rs.getString("name"),
                rs.getString("project_id"), rs.getString("project_name"), rs.getString("app_id"),
                rs.getString("submitted_by"), rs.getString("user_name"), rs.getString("plan_id"), rs.getInt("gpu_count"),
                startedAtOrNull, rs.getBigDecimal("cost_eur"), rs.getLong("progress_ms"),
                WorkloadStatus.valueOf(rs.getString("status")), endedAtOrNull, rs.getString("gpu_class"));
        return new CellRow(workload.id(), LocalDate.ofEpochDay(rs.getLong("day_no")), rs.getLong("n"),
                rs.getLong("last_ts"), rs.getLong("max_mj"), rs.getInt("peak_w"), prevTsOrNull, prevMjOrNull, workload,
                rs.getString("provenance"));
    }

    /** The energy and carbon model's factors from the {@code energy_factors} table. */
    public EnergyFactors factors() {
        Map<String, EnergyFactors.Factor> factors = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT factor_key, factor_value, unit, factor_year, source FROM energy_factors")
                .map((rs, ctx) -> new EnergyFactors.Factor(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5)))
                .forEach(f -> factors.put(f.key(), f)));
        return new EnergyFactors(factors);
    }
}
