package eu.aifactory.portal.tools;

import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.app.EmbeddedFactory;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Headless JavaFX (Monocle, software rendering) for the tools that draw PNGs. */
public final class Snapshots {

    private Snapshots() {
    }

    /** The headless setup the UI tests use; must run before the toolkit starts. */
    public static void headless() {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("prism.lcdtext", "false");
        setDefault("java.awt.headless", "true");
        setDefault("testfx.headless", "true");
        setDefault("headless.geometry", "1600x1000-32");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Starts the headless toolkit for a tool that drives the portal from its own thread (windows stay open between
     * shots), and the in-memory demo factory its portals sign in to.
     */
    public static DemoFactoryStarter.Running startWithDemoFactory() throws Exception {
        headless();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        return EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
    }

    /** Starts the toolkit, runs {@code body} on the FX thread, waits for it, and exits. */
    static void run(FxBody body) throws Exception {
        headless();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(10, TimeUnit.MINUTES);
        } finally {
            Platform.exit();
        }
    }

    @FunctionalInterface
    interface FxBody {
        void run() throws Exception;
    }

    /** Runs {@code action} on the FX thread and waits for its result (or its failure). */
    public static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    public static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code check} (from this thread) until it holds; fails after two minutes. */
    public static void waitUntil(Callable<Boolean> check) throws Exception {
        waitUntil(check, Duration.ofMinutes(2));
    }

    /** Polls {@code check} (from this thread) until it holds; fails after {@code limit}. */
    public static void waitUntil(Callable<Boolean> check, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the portal did not reach the expected state");
            }
            Thread.sleep(100);
        }
    }

    /** Lets background results, CSS and layout settle (a few pulses after the FX queue is empty), then writes. */
    public static void settleAndWrite(Scene scene, Path target) throws Exception {
        for (int i = 0; i < 6; i++) {
            onFx(() -> null);
            Thread.sleep(150);
        }
        onFx(() -> writeScene(scene, target));
    }

    /** Writes the whole scene as it is laid out now; from any thread but the FX thread. */
    public static void writeNow(Scene scene, Path target) throws Exception {
        onFx(() -> writeScene(scene, target));
    }

    /** Puts a node into its own transparent scene of the given size and writes it as PNG. */
    static void writeNode(Node node, double width, double height, Path target) {
        Scene scene = new Scene(new Group(node), width, height, Color.TRANSPARENT);
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        write(scene.getRoot().snapshot(parameters, new WritableImage((int) width, (int) height)), target);
    }

    /** Writes the whole scene as it is laid out now. */
    static void writeScene(Scene scene, Path target) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        write(scene.snapshot(null), target);
    }

    /** Writes a snapshot as PNG, creating the folder. */
    public static void write(WritableImage image, Path target) {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            Files.createDirectories(target.getParent());
            ImageIO.write(buffered, "png", target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
