package eu.aifactory.server.http;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers on every answer of the factory. Nearly every answer holds tenant data (who the caller is, their runs, usage,
 * reports, tokens), so none may be kept by a cache or proxy; a body is never to be sniffed into another type (a log
 * line or result file must not run as HTML); and no URL of the factory leaks to another site through a link.
 */
public final class SecurityHeaders {

    public static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private SecurityHeaders() {
    }

    static void set(BiConsumer<String, String> header) {
        ALL.forEach(header);
    }
}
