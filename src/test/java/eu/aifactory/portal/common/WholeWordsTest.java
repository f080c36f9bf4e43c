package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A wrapped label squeezed by a wide control beside it still shows every word whole. */
@ExtendWith(ApplicationExtension.class)
class WholeWordsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aSqueezedLabelKeepsItsLongestWordOnOneLineAndWrapsBetweenWords(FxRobot robot) {
        List<double[]> widths = new ArrayList<>();
        robot.interact(() -> {
            Label kept = new Label("Ishikawa-Diagramm ergänzen");
            kept.setWrapText(true);
            WholeWords.keep(kept);
            Label beside = new Label("x".repeat(200));
            beside.setMinWidth(380);
            HBox form = new HBox(kept, beside);
            stage.setScene(new Scene(form, 400, 200));
            stage.show();
            form.applyCss();
            form.layout();
            Text word = new Text("Ishikawa-Diagramm");
            word.setFont(kept.getFont());
            widths.add(new double[] {kept.getWidth(), word.getLayoutBounds().getWidth()});
        });

        assertThat(widths.get(0)[0]).isGreaterThanOrEqualTo(widths.get(0)[1]);
    }
}
