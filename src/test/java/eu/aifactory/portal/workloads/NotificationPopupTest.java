package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import eu.aifactory.server.support.Await;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workload's desktop notification in the light and the dark theme, over the portal's own stylesheet: JavaFX's CSS
 * logger hears nothing (the issue saw a ClassCastException warning per toast), and the popup is the card itself in the
 * theme's colours, with no transparent margin that a desktop without a compositor paints white. With
 * -Dtoast.screenshots=DIR the toasts are written there as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationPopupTest {

    /** The logger JavaFX reports CSS problems to (com.sun.javafx.util.Logging.getCSSLogger()). */
    private static final Logger CSS = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void listen(FxRobot robot) {
        CSS.addHandler(capture);
        // The toast anchors to the first showing window: windows other tests left open must not be it.
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
    }

    @AfterEach
    void stopListening(FxRobot robot) {
        CSS.removeHandler(capture);
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof PopupWindow).toList()
                .forEach(Window::hide));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dark", "light"})
    void aToastShowsItsCardWithoutACssWarningOrAPaintedFrame(String theme, FxRobot robot) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet("dark".equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new StackPane(), 900, 600);
            scene.getStylesheets().add(Objects.requireNonNull(
                    NotificationPopupTest.class.getResource("/eu/aifactory/portal/app.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
            NotificationPopup.show(new WorkloadNotifier.Notice("wl-1", "Schweißnahtprüfung Linie 7",
                    WorkloadStatus.SUCCEEDED, "finished; 3 result files written", "finished", List.of("3")),
                    new I18n(I18n.GERMAN), id -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node card = robot.lookup("#workload-notification").query();
        // The toast grows in with an animation: look once all of the card is inside the popup.
        Await.until("the toast to have grown to its card", () -> WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> card.localToScene(card.getLayoutBounds()).getMaxY() <= card.getScene().getHeight())), in -> in);
        WritableImage shot = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> card.getScene().snapshot(null)));

        String dir = System.getProperty("toast.screenshots");
        if (dir != null) {
            Snapshots.write(shot, Path.of(dir).resolve("notification-" + theme + ".png"));
        }
        assertThat(warnings).as("CSS warnings while showing a toast").isEmpty();
        // The popup is the card: its pane is painted in the theme's colours right up to its edge and casts no shadow,
        // whose transparent margin a desktop without a compositor paints as a white rectangle.
        Region pane = (Region) card.getScene().getRoot().lookup(".notification-bar > .pane");
        assertThat(pane.getBackground()).as("the popup pane's background").isNotNull();
        assertThat(pane.getBackground().getFills()).allSatisfy(fill ->
                assertThat(((Color) fill.getFill()).getOpacity()).isEqualTo(1.0));
        assertThat(pane.getEffect()).as("the popup pane's shadow").isNull();
    }
}
