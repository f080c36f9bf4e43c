package eu.aifactory.server.http;

import eu.aifactory.api.Health;
import eu.aifactory.api.ProblemType;
import eu.aifactory.server.db.Database;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;

/** {@code GET /v1/health}: answers without a token, and says so when the database does not. */
public final class HealthRoutes implements Routes {

    public static final String SITE = "Industrial AI Cloud Munich (Tucherpark), DE";

    private final Database database;
    private final String version;
    private final Clock clock;

    public HealthRoutes(Database database, String version, Clock clock) {
        this.database = database;
        this.version = version;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/health", this::health);
    }

    private void health(Context ctx) {
        if (!database.isUp()) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "problem.databaseDown");
        }
        Http.json(ctx, 200, new Health("ok", version, SITE, Instant.now(clock)));
    }
}
