package eu.aifactory.portal.common;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Keeps a wrapped label at least as wide as its longest word. JavaFX breaks a word that does not fit on a line between
 * any two letters ("Ishikawa-Diagram|m"), hyphen or not, and has no hyphenation; German compounds make that common.
 */
public final class WholeWords {

    /** Room for rounding and the text's own side bearings. */
    private static final double SLACK = 2;

    private WholeWords() {
    }

    /** Binds {@code label}'s minimum width to its longest word, following its text and font. */
    public static void keep(Labeled label) {
        label.minWidthProperty().bind(Bindings.createDoubleBinding(() -> widestWord(label), label.textProperty(),
                label.fontProperty(), label.graphicProperty()));
    }

    static double widestWord(Labeled label) {
        String text = label.getText();
        if (text == null || text.isBlank()) {
            return 0;
        }
        Text measure = new Text();
        measure.setFont(label.getFont());
        double widest = 0;
        for (String word : text.strip().split("\\s+")) {
            measure.setText(word);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        Node graphic = label.getGraphic();
        double beside = graphic == null ? 0 : graphic.prefWidth(-1) + label.getGraphicTextGap();
        return Math.ceil(widest + beside + label.snappedLeftInset() + label.snappedRightInset() + SLACK);
    }
}
