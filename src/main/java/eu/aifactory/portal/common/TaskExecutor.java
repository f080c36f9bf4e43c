package eu.aifactory.portal.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (factory calls, file I/O) off the JavaFX Application Thread and delivers the outcome
 * back on it. View models depend on this interface only, so tests run them with a direct executor.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; {@code onSuccess} or {@code onFailure} then runs on the UI thread,
     * unless the returned handle was cancelled first.
     */
    <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread after {@code delay}; used for debouncing input. */
    TaskHandle runLater(Duration delay, Runnable action);

    /** Runs {@code action} on the UI thread every {@code period} until cancelled. */
    TaskHandle repeat(Duration period, Runnable action);

    void shutdown();
}
