package eu.aifactory.portal.common;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link TaskExecutor}: a daemon thread pool for work, {@link Platform#runLater} for results. After
 * {@link #shutdown()} nothing runs any more: repeating and delayed actions are cancelled (also a tick already queued
 * on the UI thread), and work handed in late (a polling tick that fired while the window closed) is dropped, logged at
 * debug, instead of failing with a {@link RejectedExecutionException}.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("portal-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("portal-timer"));
    private final AtomicBoolean shutDown = new AtomicBoolean();
    /** Every handle handed out and not yet cancelled or done, so that shutdown can cancel them. */
    private final Set<TaskHandle> live = ConcurrentHashMap.newKeySet();
    private final Executor ui;

    public FxTaskExecutor() {
        this(Platform::runLater);
    }

    /** With {@code ui} standing for the JavaFX Application Thread (tests hand the ticks over by hand). */
    FxTaskExecutor(Executor ui) {
        this.ui = ui;
    }

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Tracked handle = new Tracked(cancelled);
        Runnable task = () -> {
            try {
                T result = work.call();
                ui.execute(() -> {
                    if (handle.active()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception | Error e) {
                if (!handle.active()) {
                    return;
                }
                LOG.debug("background task failed", e);
                ui.execute(() -> {
                    if (handle.active()) {
                        onFailure.accept(e);
                    }
                });
            } finally {
                live.remove(handle);
            }
        };
        return submit("background task", handle, () -> workers.submit(task));
    }

    @Override
    public TaskHandle runLater(Duration delay, Runnable action) {
        Tracked handle = new Tracked(new AtomicBoolean());
        Runnable tick = () -> ui.execute(() -> {
            live.remove(handle);
            if (handle.active()) {
                action.run();
            }
        });
        return submit("delayed action", handle, () -> timer.schedule(tick, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public TaskHandle repeat(Duration period, Runnable action) {
        Tracked handle = new Tracked(new AtomicBoolean());
        Runnable tick = () -> ui.execute(() -> {
            if (handle.active()) {
                action.run();
            }
        });
        return submit("repeating action", handle, () -> timer.scheduleWithFixedDelay(tick, period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Whether {@link #shutdown()} was called. */
    public boolean isShutDown() {
        return shutDown.get();
    }

    @Override
    public void shutdown() {
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        for (TaskHandle handle : List.copyOf(live)) {
            handle.cancel();
        }
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private TaskHandle submit(String what, Tracked handle, Supplier<Future<?>> schedule) {
        if (shutDown.get()) {
            LOG.debug("{} handed in after shutdown: dropped", what);
            return TaskHandle.NONE;
        }
        live.add(handle);
        try {
            handle.future = schedule.get();
        } catch (RejectedExecutionException e) {
            // Shut down between the check and the submit.
            live.remove(handle);
            LOG.debug("{} handed in while shutting down: dropped", what);
            return TaskHandle.NONE;
        }
        if (handle.cancelled.get()) {
            // Shutdown cancelled the handle before its future was known.
            handle.future.cancel(true);
        }
        return handle;
    }

    /** A task's handle: cancelling it (or shutting the executor down) stops its outcome from reaching the UI. */
    private final class Tracked implements TaskHandle {
        final AtomicBoolean cancelled;
        volatile Future<?> future;

        Tracked(AtomicBoolean cancelled) {
            this.cancelled = cancelled;
        }

        boolean active() {
            return !cancelled.get() && !shutDown.get();
        }

        @Override
        public void cancel() {
            cancelled.set(true);
            live.remove(this);
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
