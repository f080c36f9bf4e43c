package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.shell.DemoFactory;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundDemoFactoryTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final BackgroundDemoFactory factory = new BackgroundDemoFactory(() -> {
        starts.incrementAndGet();
        return new DemoFactoryStarter.Running(new DemoFactory(URI.create("http://127.0.0.1:1"), List.of()), () -> { });
    });

    @Test
    void aHeldStartBeginsOnlyWhenReleasedAndThenServesWhoeverAskedMeanwhile() throws Exception {
        factory.hold();
        CompletableFuture<DemoFactoryStarter.Running> asked = factory.startInBackground();

        assertThat(asked).isNotDone();
        assertThat(starts).hasValue(0);

        factory.release();

        assertThat(asked.get().factory().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(factory.startInBackground()).isSameAs(asked);
        assertThat(starts).hasValue(1);
    }

    @Test
    void closingWhileHeldAndUnstartedReturnsAtOnce() {
        factory.hold();
        factory.startInBackground();

        factory.close();

        assertThat(starts).hasValue(0);
    }

    @Test
    void withoutHoldTheStartBeginsAtOnce() throws Exception {
        assertThat(factory.start().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(starts).hasValue(1);
    }
}
