package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.aifactory.api.Problem;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.ConnectionMonitor.State;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionMonitorTest {

    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final FakeFactoryClient factory = new FakeFactoryClient();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T13:03:12Z"));
    private ConnectionMonitor monitor;

    @BeforeEach
    void setUp() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        monitor = new ConnectionMonitor(executor, clock, Duration.ofSeconds(5), 3);
    }

    @Test
    void goesOnlineThenReconnectingThenOfflineThenOnlineAgain() {
        monitor.start(factory);
        assertThat(monitor.state()).isEqualTo(State.ONLINE);
        Instant signIn = now.get();
        assertThat(monitor.lastContactProperty().get()).isEqualTo(signIn);

        factory.unreachable(true);
        later(5);
        executor.tick();
        assertThat(monitor.state()).isEqualTo(State.RECONNECTING);
        later(5);
        executor.tick();
        assertThat(monitor.state()).isEqualTo(State.RECONNECTING);
        later(5);
        executor.tick();
        assertThat(monitor.state()).isEqualTo(State.OFFLINE);
        assertThat(monitor.lastContactProperty().get()).as("last good contact is kept").isEqualTo(signIn);

        factory.unreachable(false);
        later(5);
        executor.tick();
        assertThat(monitor.state()).isEqualTo(State.ONLINE);
        assertThat(monitor.lastContactProperty().get()).isEqualTo(now.get());
        assertThat(factory.callCount("health")).isEqualTo(4);
    }

    @Test
    void viewModelsReportTheirOwnCallsToo() {
        monitor.start(factory);
        monitor.report(new FactoryUnreachableException("refused", null));
        assertThat(monitor.state()).isEqualTo(State.RECONNECTING);
        later(1);
        monitor.reportSuccess();
        assertThat(monitor.state()).isEqualTo(State.ONLINE);
        assertThat(monitor.lastContactProperty().get()).isEqualTo(now.get());
    }

    @Test
    void anErrorAnswerStillCountsAsContact() {
        monitor.start(factory);
        monitor.report(new FactoryUnreachableException("refused", null));
        monitor.report(new ApiException(new Problem("about:blank", "Not found", 404, null, null, List.of())));
        assertThat(monitor.state()).isEqualTo(State.ONLINE);
    }

    @Test
    void stopEndsPollingAndIgnoresTheOldFactory() {
        monitor.start(factory);
        assertThat(executor.liveRepeats()).isEqualTo(1);
        monitor.stop();
        assertThat(executor.liveRepeats()).isZero();
        monitor.checkNow();
        assertThat(factory.callCount("health")).isZero();
    }

    @Test
    void asksOnlyOnceWhileACheckIsUnderWay() {
        monitor.start(factory);
        executor.holdWork();
        monitor.checkNow();
        monitor.checkNow();
        executor.tick();
        assertThat(executor.heldWork()).isEqualTo(1);
        executor.runHeldWork();
        monitor.checkNow();
        assertThat(factory.callCount("health")).isEqualTo(2);
    }

    @Test
    void needsRoomForAReconnectingState() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofSeconds(1), 1));
    }

    private void later(long seconds) {
        now.set(now.get().plusSeconds(seconds));
    }
}
