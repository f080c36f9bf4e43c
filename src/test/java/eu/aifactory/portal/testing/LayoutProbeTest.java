package eu.aifactory.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.Hyphens;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The probe's own findings on small scenes built to have them, and none where a scene reads right. */
@ExtendWith(ApplicationExtension.class)
class LayoutProbeTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aWrappedLabelTooNarrowForItsLongestWordIsABrokenWord(FxRobot robot) {
        Label narrow = wrapped("Die PPAP-Dokumentenprüfung der Bewertungsgruppe", 60);
        Label wide = wrapped("Die PPAP-Dokumentenprüfung der Bewertungsgruppe", 400);

        List<String> problems = probe(robot, narrow, wide);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("broken word: Label#narrow");
    }

    @Test
    void aLineThatStartsWithTheHyphenOfACompoundIsReportedAndNamesBreakAfterTheirHyphens(FxRobot robot) {
        // Wide enough for "8D-Report" but not for its hyphen: JavaFX alone cuts there.
        Font font = Font.font("System", 13);
        double[] width = new double[1];
        robot.interact(() -> width[0] = (measure("8D-Report", font) + measure("8D-Report-", font)) / 2);
        Label plain = wrapped("8D-Report-Assistent", width[0]);
        plain.setId("plain");
        Label joined = wrapped(Hyphens.breakAfter("8D-Report-Assistent"), width[0]);
        joined.setId("joined");
        for (Label label : List.of(plain, joined)) {
            // Inline, so that a theme another test left as the user agent stylesheet cannot change the font.
            label.setStyle("-fx-font-family: 'System'; -fx-font-size: 13px;");
            label.setPadding(Insets.EMPTY);
        }

        List<String> problems = probe(robot, plain, joined);

        List<String> lines = new ArrayList<>();
        robot.interact(() -> lines.addAll(LayoutProbe.lines((Text) joined.lookup(".text"))));
        assertThat(problems).singleElement().asString().startsWith("hyphen first: Label#plain");
        assertThat(lines).hasSizeGreaterThan(1).noneMatch(line -> line.startsWith("-"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Assistent");
    }

    private static double measure(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    @Test
    void aTableOrListWithoutItsOwnPlaceholderIsReported(FxRobot robot) {
        TableView<String> bare = new TableView<>();
        bare.setId("bare-table");
        ListView<String> placed = new ListView<>();
        placed.setPlaceholder(new Label("Keine Einträge"));
        ListView<String> bareList = new ListView<>();
        bareList.setId("bare-list");
        for (var control : List.of(bare, placed, bareList)) {
            control.setPrefSize(200, 80);
        }

        List<String> problems = probe(robot, bare, placed, bareList);

        assertThat(problems).hasSize(2).anyMatch(p -> p.startsWith("no placeholder: TableView#bare-table"))
                .anyMatch(p -> p.startsWith("no placeholder: ListView#bare-list"));
    }

    @Test
    void aTabPaneWhoseTabsDoNotAllFitIsReported(FxRobot robot) {
        TabPane narrow = tabs("narrow-tabs", 300);
        TabPane wide = tabs("wide-tabs", 900);

        List<String> problems = probe(robot, narrow, wide);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("hidden tabs: TabPane#narrow-tabs");
    }

    private TabPane tabs(String id, double width) {
        TabPane tabs = new TabPane();
        tabs.setId(id);
        for (String title : List.of("Benutzer und Rollen", "API-Tokens", "Projekte", "Zugriffsanfragen")) {
            tabs.getTabs().add(new Tab(title, new Label(title)));
        }
        tabs.setMinWidth(width);
        tabs.setMaxWidth(width);
        return tabs;
    }

    private Label wrapped(String text, double width) {
        Label label = new Label(text);
        label.setId(width < 100 ? "narrow" : "wide");
        label.setWrapText(true);
        label.setMinWidth(width);
        label.setMaxWidth(width);
        return label;
    }

    private List<String> probe(FxRobot robot, javafx.scene.Node... nodes) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            stage.setScene(new Scene(new VBox(8, nodes), 1000, 400));
            stage.show();
            problems.addAll(LayoutProbe.problems(stage.getScene()));
        });
        return problems;
    }
}
