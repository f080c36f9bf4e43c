package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** With the portal's stylesheet, no scroll pane (also the one inside a text area) keeps a bitmap of its viewport. */
@ExtendWith(ApplicationExtension.class)
class UncachedScrollPaneSkinTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void scrolledContentIsDrawnWithoutACachedViewport(FxRobot robot) {
        List<Node> viewports = new ArrayList<>();
        robot.interact(() -> {
            ScrollPane page = new ScrollPane(new VBox(new TextArea("Sichtprüfung\n".repeat(40))));
            Scene scene = new Scene(page, 400, 300);
            scene.getStylesheets().add(Objects.requireNonNull(
                    UncachedScrollPaneSkinTest.class.getResource("/eu/aifactory/portal/app.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
            page.applyCss();
            page.layout();
            viewports.addAll(page.lookupAll(".viewport"));
        });

        assertThat(viewports).hasSize(2).allSatisfy(viewport -> assertThat(viewport.isCache()).isFalse());
    }
}
