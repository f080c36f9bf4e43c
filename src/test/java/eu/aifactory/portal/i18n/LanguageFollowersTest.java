package eu.aifactory.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.support.Await;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * What follows the language lives no longer than its owner: a view that re-renders on a switch, a view model that
 * re-sorts, a label bound to a text. The language lives as long as the portal, so it must hold them weakly.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageFollowersTest {

    private final I18n i18n = new I18n(I18n.ENGLISH);

    @Test
    void aViewFollowsTheSwitchWhileItIsReachable() {
        AtomicInteger runs = new AtomicInteger();
        Label view = new Label();
        i18n.onSwitch(view, runs::incrementAndGet);

        i18n.localeProperty().set(I18n.GERMAN);
        i18n.localeProperty().set(I18n.ENGLISH);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aViewNoLongerShownIsCollectedThoughTheLanguageLivesOn() {
        WeakReference<Label> view = followingView();
        WeakReference<Object> model = followingModel();
        WeakReference<Label> bound = boundLabel();

        Await.until("views and models following the language collected", () -> {
            System.gc();
            return view.get() == null && model.get() == null && bound.get() == null;
        }, collected -> collected);
        i18n.localeProperty().set(I18n.GERMAN);
        assertThat(i18n.get("nav.catalog")).isEqualTo("Katalog");
    }

    @Test
    void aFollowerKeptByItsOwnerStillFollows() {
        AtomicInteger runs = new AtomicInteger();
        I18n.Follower kept = i18n.follow(runs::incrementAndGet);
        System.gc();

        i18n.localeProperty().set(I18n.GERMAN);

        assertThat(kept).isNotNull();
        assertThat(runs).hasValue(1);
    }

    @Test
    void nothingButI18nListensToTheLanguageDirectly() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("eu/aifactory/portal/i18n/I18n.java")))
                    .filter(p -> read(p).replaceAll("\\s+", "").contains("localeProperty().addListener"))
                    .map(Path::toString).toList();
        }
        assertThat(offenders).as("use I18n.onSwitch, I18n.follow or a binding instead").isEmpty();
    }

    private WeakReference<Label> followingView() {
        Label view = new Label();
        i18n.onSwitch(view, () -> view.setText(i18n.get("nav.catalog")));
        return new WeakReference<>(view);
    }

    private WeakReference<Object> followingModel() {
        Object model = new Object() {
            private final I18n.Follower follower = i18n.follow(this::resort);

            private void resort() {
                assertThat(follower).isNotNull();
            }
        };
        return new WeakReference<>(model);
    }

    private WeakReference<Label> boundLabel() {
        Label label = i18n.label("nav.catalog");
        return new WeakReference<>(label);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
