package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A free-text cell shows its whole text on hover; a value cell is wide enough for its value and needs no tooltip. */
@ExtendWith(ApplicationExtension.class)
class TableLayoutTest {

    private static final String LONG_NAME = "Sichtprüfung der Schweißnähte an Baugruppe 7 (Frühschicht, Linie Nord)";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void onlyFreeTextCellsCarryTheirWholeTextAsATooltip(FxRobot robot) {
        List<TableCell<?, ?>> names = new ArrayList<>();
        List<TableCell<?, ?>> costs = new ArrayList<>();
        robot.interact(() -> {
            TableView<String[]> table = new TableView<>();
            TableColumn<String[], String> name = column("Name", 0);
            TableColumn<String[], String> cost = column("Kosten", 1);
            table.getColumns().setAll(List.of(TableLayout.freeText(name), cost));
            TableLayout.readable(table);
            table.getItems().setAll(List.of(new String[] {LONG_NAME, "12.345,67 €"}, new String[] {"Kurz", "0,42 €"}));
            stage.setScene(new Scene(table, 320, 200));
            stage.show();
            table.applyCss();
            table.layout();
            table.lookupAll(".table-cell").forEach(node -> {
                TableCell<?, ?> cell = (TableCell<?, ?>) node;
                if (cell.getText() != null && !cell.getText().isEmpty()) {
                    (cell.getTableColumn() == name ? names : costs).add(cell);
                }
            });
        });

        assertThat(names).extracting(cell -> cell.getTooltip().getText()).containsExactlyInAnyOrder(LONG_NAME, "Kurz");
        assertThat(costs).hasSize(2).allSatisfy(cell -> assertThat(cell.getTooltip()).isNull());
        assertThat(costs).allSatisfy(cell -> assertThat(cell.getWidth())
                .isGreaterThanOrEqualTo(cell.prefWidth(-1)));
    }

    private static TableColumn<String[], String> column(String header, int index) {
        TableColumn<String[], String> column = new TableColumn<>(header);
        column.setCellValueFactory(row -> new SimpleStringProperty(row.getValue()[index]));
        return column;
    }
}
