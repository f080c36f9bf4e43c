package eu.aifactory.portal.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Gives a table's columns what they need to be read: every column is at least as wide as its header and as the
 * values it has shown (a cost, a date or a size is never cut to "€…"), columns share the rest of the width and stay
 * resizable, and a cell shows its whole text on hover. Columns marked {@link #freeText} (names, reasons) grow only to
 * {@link #FREE_TEXT_MIN} and give way first; their start stays readable and the rest is in the tooltip. When the
 * minimum widths do not fit, the table scrolls sideways instead of cutting values.
 */
public final class TableLayout {

    /** How wide a free-text column stays at least, so that its start can still be recognised. */
    public static final double FREE_TEXT_MIN = 150;
    private static final String FREE_TEXT = "table-layout-free-text";
    /** Room a header needs beside its text: the header's padding and the sort arrow. */
    private static final double HEADER_EXTRA = 34;
    /** Cell padding rounds differently per row; a value keeps this much slack so that it never ends in "…". */
    private static final double SLACK = 4;
    private static final double MIN_TABLE_WIDTH = 160;

    private TableLayout() {
    }

    /** Marks a column whose values are free text that may shorten, with the whole text on hover. */
    public static <S, T> TableColumn<S, T> freeText(TableColumn<S, T> column) {
        column.getProperties().put(FREE_TEXT, Boolean.TRUE);
        return column;
    }

    /** Applies the rules above to {@code table}'s columns as they are now; call after the columns are set. */
    public static void readable(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // The columns' minimum widths make the table scroll sideways; they never widen the page around it.
        table.setMinWidth(MIN_TABLE_WIDTH);
        for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
            fit(column);
        }
    }

    private static <S, T> void fit(TableColumn<S, T> column) {
        column.setResizable(true);
        Callback<TableColumn<S, T>, TableCell<S, T>> original = column.getCellFactory();
        // Only a free-text column can cut its values (the others are as wide as what they show), so only its cells
        // carry a tooltip: each is a popup window with its own scene, and a page's tables have hundreds of cells.
        boolean freeText = Boolean.TRUE.equals(column.getProperties().get(FREE_TEXT));
        column.setCellFactory(c -> {
            TableCell<S, T> cell = original.call(c);
            Tooltip whole = freeText ? wholeText(cell) : null;
            cell.textProperty().addListener((obs, old, now) -> {
                if (freeText && (cell.getTooltip() == null || cell.getTooltip() == whole)) {
                    cell.setTooltip(now == null || now.isBlank() ? null : whole);
                }
                widen(column, cell, now);
            });
            cell.fontProperty().addListener((obs, old, now) -> widen(column, cell, cell.getText()));
            return cell;
        });
        column.textProperty().addListener((obs, old, now) ->
                column.setMinWidth(Math.max(column.getMinWidth(), headerWidth(now, Font.getDefault()))));
        column.setMinWidth(Math.max(column.getMinWidth(), headerWidth(column.getText(), Font.getDefault())));
    }

    private static Tooltip wholeText(TableCell<?, ?> cell) {
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        whole.textProperty().bind(cell.textProperty());
        return whole;
    }

    private static void widen(TableColumn<?, ?> column, TableCell<?, ?> cell, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double needed = width(text, cell.getFont()) + cell.snappedLeftInset() + cell.snappedRightInset() + SLACK
                + (cell.getGraphic() != null ? cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap() : 0);
        if (Boolean.TRUE.equals(column.getProperties().get(FREE_TEXT))) {
            needed = Math.min(needed, FREE_TEXT_MIN);
        }
        double header = headerWidth(column.getText(), cell.getFont());
        double min = Math.max(needed, header);
        if (min > column.getMinWidth()) {
            column.setMinWidth(Math.ceil(min));
            if (column.getPrefWidth() < column.getMinWidth()) {
                column.setPrefWidth(column.getMinWidth());
            }
        }
    }

    private static double headerWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return width(text, Font.font(font.getFamily(), FontWeight.BOLD, font.getSize())) + HEADER_EXTRA;
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
