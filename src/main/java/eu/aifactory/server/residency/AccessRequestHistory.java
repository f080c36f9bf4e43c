package eu.aifactory.server.residency;

import eu.aifactory.api.report.ResidencyReport.AccessRequestRecord;
import java.util.List;

/**
 * The operator access requests a tenant's report lists. Implemented by the approval feature, which itself records its
 * accesses here, so the report reads requests through this interface instead of depending on that feature.
 */
public interface AccessRequestHistory {

    /** The tenant's requests approved, denied or expired in {@code [from, to)}, by when that happened. */
    List<AccessRequestRecord> settled(String tenantId, long from, long to);

    /** For a factory without the approval feature. */
    AccessRequestHistory NONE = (tenantId, from, to) -> List.of();
}
