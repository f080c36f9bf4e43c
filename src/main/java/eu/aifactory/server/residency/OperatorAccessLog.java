package eu.aifactory.server.residency;

import eu.aifactory.api.report.ResidencyReport.OperatorAccess;
import eu.aifactory.server.residency.ResidencyStore.AccessRow;
import org.jdbi.v3.core.Handle;

/**
 * Where another feature records an operator access it allowed: always through {@link ResidencyStore#insertAccess}, the
 * one insert every operator access passes, inside the caller's transaction so the access and the state that allowed it
 * commit together.
 */
public final class OperatorAccessLog {

    private final ResidencyStore store;

    public OperatorAccessLog(ResidencyStore store) {
        this.store = store;
    }

    /** Records the access; answers it as the residency report will show it. */
    public OperatorAccess record(Handle h, AccessRow access) {
        store.insertAccess(h, access);
        return ResidencyReportService.access(access);
    }
}
