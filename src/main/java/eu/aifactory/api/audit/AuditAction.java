package eu.aifactory.api.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an audit entry records; the wire code is stable, for filters and scripts. */
public enum AuditAction {
    TOKEN_CREATE("token.create"),
    TOKEN_REVOKE("token.revoke"),
    USER_CREATE("user.create"),
    /** A refused user change, whose kind the factory did not get to know. */
    USER_UPDATE("user.update"),
    USER_DISABLE("user.disable"),
    USER_ENABLE("user.enable"),
    USER_ROLES("user.roles"),
    USER_PROJECTS("user.projects"),
    PROJECT_CREATE("project.create"),
    BUDGET_SET("budget.set"),
    OVERRIDE_GRANT("override.grant"),
    QUOTA_SET("quota.set"),
    WORKLOAD_SUBMIT("workload.submit"),
    WORKLOAD_CANCEL("workload.cancel"),
    SIGN_IN_FAILED("sign-in.failed");

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static AuditAction fromWire(String value) {
        for (AuditAction action : values()) {
            if (action.wire.equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown audit action: " + value);
    }
}
