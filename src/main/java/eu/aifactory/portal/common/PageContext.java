package eu.aifactory.portal.common;

import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a page gets to work with: the signed-in session (client and user), the language, the executor for
 * background work, the connection monitor to report reachability to, and a directory for its local cache.
 *
 * @param cacheDir a directory owned by the portal where pages may keep offline copies (created on demand)
 * @param clock    what "now", "today" and "this month" mean to the pages
 */
public record PageContext(Session session, I18n i18n, TaskExecutor executor, ConnectionMonitor connection,
                          Path cacheDir, Consumer<String> navigator, Clock clock) {

    public PageContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(i18n, "i18n");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(navigator, "navigator");
        Objects.requireNonNull(clock, "clock");
    }

    /** Switches the shell to the page with this {@link Page} id. */
    public void navigate(String pageId) {
        navigator.accept(pageId);
    }
}
