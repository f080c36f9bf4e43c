package eu.aifactory.server.workload;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The orders a workload list can have: the wire name of the {@code sort} parameter, the SQL expression, and the
 * direction of the plain name ({@code -name} reverses it). Ties are broken by id in the same direction.
 */
public enum Sort {
    CREATED("createdAt", "w.created_at", true, "ix_workloads_tenant_created"),
    STATUS("status", "w.status", false, "ix_workloads_tenant_status_id"),
    APP("appId", "w.app_id", false, "ix_workloads_tenant_app_id"),
    // Not yet started workloads sort as if started at the epoch: after every started one, newest first.
    // started_sort holds COALESCE(started_at, 0), so that (tenant_id, started_sort, id) can serve the order.
    STARTED("startedAt", "w.started_sort", true, "ix_workloads_tenant_started"),
    COST("costEur", "w.cost_eur", true, "ix_workloads_tenant_cost"),
    ENERGY("energyKwh", "w.energy_wh", true, "ix_workloads_tenant_energy");

    private final String wire;
    final String expression;
    private final boolean descendingByDefault;
    /** The (tenant_id, key, id) index that serves this order (V1 and V40). */
    final String index;

    Sort(String wire, String expression, boolean descendingByDefault, String index) {
        this.wire = wire;
        this.expression = expression;
        this.descendingByDefault = descendingByDefault;
        this.index = index;
    }

    public String wire() {
        return wire;
    }

    public boolean descendingByDefault() {
        return descendingByDefault;
    }

    public static Sort fromWire(String name) {
        for (Sort sort : values()) {
            if (sort.wire.equals(name)) {
                return sort;
            }
        }
        return null;
    }

    /** The row's sort value as a cursor carries it. */
    public String valueOf(WorkloadRow w) {
        return switch (this) {
            case CREATED -> Long.toString(w.createdAt());
            case STATUS -> w.status().name();
            case APP -> w.appId();
            case STARTED -> Long.toString(w.startedAt() == null ? 0 : w.startedAt());
            case COST -> w.costEur().stripTrailingZeros().toPlainString();
            case ENERGY -> Long.toString(w.energyWh());
        };
    }

    /** The cursor value as the database compares it; NumberFormatException when it is not one. */
    public Object parse(String value) {
        return switch (this) {
            case CREATED, STARTED, ENERGY -> Long.parseLong(value);
            case COST -> new BigDecimal(value);
            case STATUS, APP -> value;
        };
    }

    Comparator<WorkloadRow> comparator() {
        Comparator<WorkloadRow> byKey = switch (this) {
            case CREATED -> Comparator.comparingLong(WorkloadRow::createdAt);
            case STATUS -> Comparator.comparing(w -> w.status().name());
            case APP -> Comparator.comparing(WorkloadRow::appId);
            case STARTED -> Comparator.comparingLong(w -> w.startedAt() == null ? 0 : w.startedAt());
            case COST -> Comparator.comparing(WorkloadRow::costEur);
            case ENERGY -> Comparator.comparingLong(WorkloadRow::energyWh);
        };
        return byKey.thenComparing(WorkloadRow::id);
    }
}
