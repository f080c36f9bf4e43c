package eu.aifactory.server.operator;

import eu.aifactory.api.ProblemType;
import eu.aifactory.server.http.ProblemException;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Resolves {@code Authorization: Bearer afo_…} to an operator, or ends the request with 401. Tenant tokens are unknown
 * here, and operator tokens are unknown to the tenant endpoints. No cache: a revoked operator token stops at once.
 */
public final class OperatorAuth {

    private final OperatorStore store;

    public OperatorAuth(OperatorStore store) {
        this.store = store;
    }

    public OperatorPrincipal require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthenticated("problem.auth.missing");
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer") || parts[1].length() > 200) {
            throw unauthenticated("problem.auth.malformed");
        }
        return store.tokenByHash(OperatorTokens.hash(parts[1].trim()))
                .map(t -> new OperatorPrincipal(t.id(), t.name(), t.jobTitle(), t.employer(), t.officeCountry()))
                .orElseThrow(() -> unauthenticated("problem.auth.unknownOperatorToken"));
    }

    private static ProblemException unauthenticated(String key) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, key);
    }
}
