package eu.aifactory.portal.catalog;

import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} for view-model tests. Direct: work and delayed actions run at once on the calling thread.
 * Queued: they wait until the test runs them, so a test can change the input while work is pending and check
 * that the stale work never calls back. Repeating actions never run.
 */
final class TestExecutor implements TaskExecutor {

    private final boolean direct;
    private final List<Job> queue = new ArrayList<>();
    private final List<Job> delayed = new ArrayList<>();

    private TestExecutor(boolean direct) {
        this.direct = direct;
    }

    static TestExecutor direct() {
        return new TestExecutor(true);
    }

    static TestExecutor queued() {
        return new TestExecutor(false);
    }

    @Override
    public <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Job job = new Job(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return schedule(job, queue);
    }

    @Override
    public TaskHandle runLater(Duration delay, Runnable action) {
        return schedule(new Job(action), delayed);
    }

    @Override
    public TaskHandle repeat(Duration period, Runnable action) {
        return TaskHandle.NONE;
    }

    @Override
    public void shutdown() {
        queue.clear();
        delayed.clear();
    }

    private TaskHandle schedule(Job job, List<Job> list) {
        if (direct) {
            job.action.run();
        } else {
            list.add(job);
        }
        return () -> job.cancelled = true;
    }

    /** Runs queued background work in the given order of indexes, skipping cancelled jobs; returns how many ran. */
    int runQueued(int... order) {
        List<Job> jobs = new ArrayList<>(queue);
        queue.clear();
        int ran = 0;
        if (order.length == 0) {
            order = new int[jobs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        for (int index : order) {
            Job job = jobs.get(index);
            if (!job.cancelled) {
                job.action.run();
                ran++;
            }
        }
        return ran;
    }

    int queuedCount() {
        return queue.size();
    }

    /** Fires the pending delayed actions (the debounce timer elapsing); returns how many were not cancelled. */
    int fireDelayed() {
        List<Job> jobs = new ArrayList<>(delayed);
        delayed.clear();
        int ran = 0;
        for (Job job : jobs) {
            if (!job.cancelled) {
                job.action.run();
                ran++;
            }
        }
        return ran;
    }

    private static final class Job {
        final Runnable action;
        volatile boolean cancelled;

        Job(Runnable action) {
            this.action = action;
        }
    }
}
