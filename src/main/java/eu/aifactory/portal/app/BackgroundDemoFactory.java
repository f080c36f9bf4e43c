package eu.aifactory.portal.app;

import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded factory once, on its own thread, so the window can show while it boots; everyone who
 * needs it waits for the same start. A failed start can be retried. Each start's demo accounts are remembered
 * for the next one, whose sign-in page lists them before the factory answers.
 */
final class BackgroundDemoFactory implements DemoFactory.Launcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundDemoFactory.class);

    private final DemoFactoryStarter starter;
    private final RememberedDemoAccounts remembered;
    private CompletableFuture<DemoFactoryStarter.Running> running;
    /** Incomplete while held: the start and the remembered accounts wait for it. */
    private CompletableFuture<Void> released = CompletableFuture.completedFuture(null);
    private boolean begun;

    BackgroundDemoFactory(DemoFactoryStarter starter, RememberedDemoAccounts remembered) {
        this.starter = starter;
        this.remembered = remembered;
    }

    /**
     * Keeps the start, and the reading of the remembered accounts, from beginning until {@link #release()}: whoever
     * asks meanwhile waits. The portal holds it until its first frame is drawn, which neither may slow down.
     */
    synchronized void hold() {
        if (released.isDone()) {
            released = new CompletableFuture<>();
        }
    }

    /** Lets the start begin, at once if someone has asked for it already. */
    synchronized void release() {
        released.complete(null);
        if (running != null && !begun) {
            begin(running);
        }
    }

    /** Begins the start in the background (or after {@link #release()}), unless it has begun already. */
    synchronized CompletableFuture<DemoFactoryStarter.Running> startInBackground() {
        if (running == null || running.isCompletedExceptionally()) {
            running = new CompletableFuture<>();
            begun = false;
            if (released.isDone()) {
                begin(running);
            }
        }
        return running;
    }

    private void begin(CompletableFuture<DemoFactoryStarter.Running> future) {
        begun = true;
        Thread thread = new Thread(() -> {
            long begin = System.nanoTime();
            try {
                DemoFactoryStarter.Running started = starter.start();
                LOG.info("embedded factory up at {} in {} ms", started.factory().baseUrl(),
                        (System.nanoTime() - begin) / 1_000_000);
                remember(started.factory());
                future.complete(started);
            } catch (Exception | Error e) {
                future.completeExceptionally(e);
            }
        }, "embedded-factory-start");
        thread.setDaemon(true);
        thread.start();
    }

    private void remember(DemoFactory factory) {
        try {
            remembered.write(factory.accounts());
        } catch (IOException | RuntimeException e) {
            LOG.warn("demo accounts not remembered for the next start: {}", e.toString());
        }
    }

    @Override
    public List<DemoAccount> remembered() {
        CompletableFuture<Void> gate;
        synchronized (this) {
            gate = released;
        }
        gate.join();
        return remembered.read();
    }

    @Override
    public DemoFactory start() throws Exception {
        try {
            return startInBackground().get().factory();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Puts the started factory back to its seeded state (blocking); only a kiosk's factory can. */
    int restore() throws Exception {
        DemoFactoryStarter.Running started;
        try {
            started = startInBackground().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (started.restore() == null) {
            throw new IllegalStateException("This demo factory keeps no snapshot to restore");
        }
        return started.restore().restore();
    }

    /** Stops the factory if it was started (waiting for a start under way to finish first). */
    @Override
    public void close() {
        CompletableFuture<DemoFactoryStarter.Running> future;
        synchronized (this) {
            future = begun ? running : null;
        }
        if (future == null) {
            return;
        }
        try {
            future.get().stopper().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("embedded factory did not stop cleanly: {}", e.toString());
        }
    }
}
