package eu.aifactory.server.http;

import io.javalin.Javalin;

/** One feature's part of the HTTP API: it registers its own paths, so the API is assembled, not listed in one place. */
public interface Routes {

    void register(Javalin app);
}
