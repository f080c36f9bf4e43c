package eu.aifactory.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records what the client wanted to wait and returns at once. */
final class RecordingSleeper implements FactoryClientConfig.Sleeper {

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }
}
