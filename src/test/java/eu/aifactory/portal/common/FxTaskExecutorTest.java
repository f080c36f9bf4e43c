package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executor with a hand-driven "UI thread": what would be posted with Platform.runLater lands in a queue that the
 * test runs itself, so a tick queued before shutdown and run after it is reproduced without timing.
 */
class FxTaskExecutorTest {

    private final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final FxTaskExecutor executor = new FxTaskExecutor(uiQueue::add);

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void workHandedInAfterShutdownIsDroppedInsteadOfRejected() {
        executor.shutdown();
        AtomicInteger calls = new AtomicInteger();

        assertThatCode(() -> {
            assertThat(executor.run(() -> calls.incrementAndGet(), r -> calls.incrementAndGet(), e -> calls.incrementAndGet()))
                    .isSameAs(TaskHandle.NONE);
            assertThat(executor.runLater(Duration.ofMillis(1), calls::incrementAndGet)).isSameAs(TaskHandle.NONE);
            assertThat(executor.repeat(Duration.ofMillis(1), calls::incrementAndGet)).isSameAs(TaskHandle.NONE);
        }).doesNotThrowAnyException();
        assertThat(calls).hasValue(0);
        assertThat(uiQueue).isEmpty();
    }

    @Test
    void aPollingTickQueuedBeforeShutdownDoesNothingAfterIt() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        // Like the workload detail's log polling: every tick asks the factory in the background.
        executor.repeat(Duration.ofMillis(1), () -> {
            polls.incrementAndGet();
            executor.run(() -> "log lines", lines -> { }, failures::add);
        });
        Runnable queuedTick = uiQueue.take();

        executor.shutdown();

        assertThatCode(queuedTick::run).doesNotThrowAnyException();
        assertThat(polls).as("the repeating action is cancelled by shutdown").hasValue(0);
        assertThat(failures).isEmpty();
    }

    @Test
    void aLateSubmitFromAnActionStillRunningAtShutdownIsANoOp() throws Exception {
        AtomicInteger results = new AtomicInteger();
        executor.runLater(Duration.ofMillis(1), () -> { });
        Runnable queued = uiQueue.take();
        executor.shutdown();
        queued.run();

        assertThatCode(() -> executor.run(() -> 1, results::addAndGet, e -> results.decrementAndGet()))
                .doesNotThrowAnyException();
        assertThat(results).hasValue(0);
    }

    @Test
    void beforeShutdownWorkAndRepeatsDeliverOnTheUiThreadAndACancelledRepeatStops() throws Exception {
        AtomicInteger result = new AtomicInteger();
        executor.run(() -> 42, result::set, e -> result.set(-1));
        uiQueue.take().run();
        assertThat(result).hasValue(42);

        AtomicInteger ticks = new AtomicInteger();
        TaskHandle repeating = executor.repeat(Duration.ofMillis(1), ticks::incrementAndGet);
        uiQueue.take().run();
        assertThat(ticks).hasValue(1);
        Runnable next = uiQueue.take();
        repeating.cancel();
        next.run();
        assertThat(ticks).hasValue(1);
    }
}
