package eu.aifactory.portal.testing;

import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} for view-model tests: background work runs at once on the calling thread (or, after
 * {@link #holdWork()}, waits until {@link #runHeldWork()}), and delayed or repeating actions run only when the test
 * says so ({@link #runDelayed()}, {@link #tick()}). No threads, no sleeping, no timing.
 */
public final class DirectTaskExecutor implements TaskExecutor {

    private final List<Held> held = new ArrayList<>();
    private final List<Scheduled> delayed = new ArrayList<>();
    private final List<Scheduled> repeating = new ArrayList<>();
    private boolean holding;
    private boolean shutDown;
    private int tasksRun;

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Held task = new Held(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | AssertionError e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        if (holding) {
            held.add(task);
        } else {
            task.runIfLive();
        }
        return task::cancel;
    }

    @Override
    public TaskHandle runLater(Duration delay, Runnable action) {
        Scheduled scheduled = new Scheduled(delay, action);
        delayed.add(scheduled);
        return scheduled::cancel;
    }

    @Override
    public TaskHandle repeat(Duration period, Runnable action) {
        Scheduled scheduled = new Scheduled(period, action);
        repeating.add(scheduled);
        return scheduled::cancel;
    }

    @Override
    public void shutdown() {
        shutDown = true;
    }

    /** From now on, background work waits until {@link #runHeldWork()}: to look at "busy" states. */
    public void holdWork() {
        holding = true;
    }

    /** Runs the held work (and anything it submits) and goes back to running work at once. */
    public void runHeldWork() {
        holding = false;
        while (!held.isEmpty()) {
            held.remove(0).runIfLive();
        }
    }

    /** Runs the oldest held task only and keeps holding the rest: to look at the state between two of them. */
    public void runFirstHeldWork() {
        held.remove(0).runIfLive();
    }

    public int heldWork() {
        return held.size();
    }

    /** Runs every pending {@code runLater} action that was not cancelled. */
    public void runDelayed() {
        List<Scheduled> due = new ArrayList<>(delayed);
        delayed.clear();
        due.forEach(Scheduled::runIfLive);
    }

    /** One period passes: every live {@code repeat} action runs once. */
    public void tick() {
        new ArrayList<>(repeating).forEach(Scheduled::runIfLive);
        repeating.removeIf(scheduled -> scheduled.cancelled);
    }

    /** How many repeating actions are still live. */
    public long liveRepeats() {
        return repeating.stream().filter(scheduled -> !scheduled.cancelled).count();
    }

    public long pendingDelayed() {
        return delayed.stream().filter(scheduled -> !scheduled.cancelled).count();
    }

    /** The delays of the pending {@code runLater} actions, e.g. to check a debounce interval. */
    public List<Duration> pendingDelays() {
        return delayed.stream().filter(scheduled -> !scheduled.cancelled).map(scheduled -> scheduled.delay).toList();
    }

    public boolean isShutDown() {
        return shutDown;
    }

    /** Background tasks run so far. */
    public int tasksRun() {
        return tasksRun;
    }

    private final class Held {
        private final Runnable body;
        private boolean cancelled;

        Held(Runnable body) {
            this.body = body;
        }

        void runIfLive() {
            if (!cancelled) {
                tasksRun++;
                body.run();
            }
        }

        void cancel() {
            cancelled = true;
        }
    }

    private static final class Scheduled {
        final Duration delay;
        final Runnable action;
        boolean cancelled;

        Scheduled(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }

        void runIfLive() {
            if (!cancelled) {
                action.run();
            }
        }

        void cancel() {
            cancelled = true;
        }
    }
}
