package eu.aifactory.portal.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Chart;
import javafx.scene.control.Accordion;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Reads a laid-out scene the way a tester reads a window: which visible labels and buttons show their text cut
 * with "…" although the whole text would fit in the width the window has, which wrapped texts break a word between
 * two letters, which tab panes hide tabs in their overflow menu, which tables and lists would show JavaFX's English "No content" placeholder, and which parts stick out
 * of a parent that neither scrolls nor clips. Controls are checked as boxes in their parent; their skins are looked into only
 * for cut texts (a table's cells, a button's label), and for the content they host (a scroll pane's content, a split
 * pane's items, the selected tab).
 */
public final class LayoutProbe {

    /** Layout rounds to pixels; a parent may be short by less than this without anybody seeing it. */
    private static final double TOLERANCE = 1.5;
    /** Characters a shortened cell text keeps at least, so that it can still be recognised. */
    private static final int MIN_KEPT = 12;

    private LayoutProbe() {
    }

    /** What reads wrong in {@code scene}, one line each, naming the node by id, class and text. */
    public static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        double room = scene.getWidth();
        walkTexts(scene.getRoot(), room, problems);
        walkBoxes(scene.getRoot(), true, problems);
        return problems;
    }

    private static void walkTexts(Node node, double room, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && onScreen(labeled)) {
            cutText(labeled, room).ifPresent(problems::add);
            brokenWord(labeled).ifPresent(problems::add);
            hyphenFirst(labeled).ifPresent(problems::add);
        }
        if (node instanceof TabPane tabs && onScreen(tabs) && tabsOverflow(tabs)) {
            problems.add("hidden tabs: " + describe(tabs) + " shows a menu for tabs that do not fit its width");
        }
        if (node instanceof TableView<?> table && table.getPlaceholder() == null
                || node instanceof ListView<?> list && list.getPlaceholder() == null && emptyWithoutPlaceholder(list)) {
            problems.add("no placeholder: " + describe(node) + " would say JavaFX's \"No content\" in English");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walkTexts(child, room, problems);
            }
        }
    }

    /**
     * A combo box's list shows JavaFX's placeholder only when the box has no items and no placeholder of its own; a
     * list of its own always can.
     */
    private static boolean emptyWithoutPlaceholder(ListView<?> list) {
        for (Parent up = list.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ComboBox<?> box) {
                return box.getPlaceholder() == null && box.getItems().isEmpty();
            }
        }
        return true;
    }

    /**
     * JavaFX shows the tab menu's arrow only when the headers do not all fit: a tab is then reachable only through a
     * menu that nobody expects behind an arrow.
     */
    private static boolean tabsOverflow(TabPane tabs) {
        return tabs.lookupAll(".tab-down-button").stream().anyMatch(button -> {
            for (Node up = button; up != null && up != tabs; up = up.getParent()) {
                if (!up.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A cell the virtual flow keeps aside, or a node scrolled out of its viewport, is not on screen. */
    private static boolean onScreen(Control labeled) {
        if (labeled instanceof Cell<?> cell && (cell.isEmpty() || cell.getText() == null)) {
            return false;
        }
        Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
        if (bounds == null || bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            return false;
        }
        for (Parent up = labeled.getParent(); up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
            if (up.getClip() != null) {
                Bounds clip = up.localToScene(up.getClip().getBoundsInParent());
                if (!clip.intersects(bounds)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static java.util.Optional<String> cutText(Labeled labeled, double room) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return java.util.Optional.empty();
        }
        Text shown = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                shown = text;
            }
        }
        if (shown == null || shown.getText() == null || shown.getText().equals(full)
                || !shown.getText().endsWith(labeled.getEllipsisString())) {
            return java.util.Optional.empty();
        }
        Text measure = new Text(full);
        measure.setFont(labeled.getFont());
        double needed = measure.getLayoutBounds().getWidth() + labeled.snappedLeftInset() + labeled.snappedRightInset()
                + (labeled.getGraphic() != null ? labeled.getGraphic().prefWidth(-1) + labeled.getGraphicTextGap() : 0);
        if (needed > room && !labeled.isWrapText() || shortenedLegibly(labeled, shown.getText(), full)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("cut text: " + describe(labeled) + " shows \"" + shown.getText()
                + "\" of \"" + full + "\" (needs " + Math.round(needed) + " px, has " + Math.round(labeled.getWidth())
                + ")");
    }

    /**
     * A wrapped text whose line is narrower than one of its words breaks that word at any letter
     * ("Bewertungsgrupp|e"): the label needs the width of its longest word.
     */
    private static java.util.Optional<String> brokenWord(Labeled labeled) {
        String full = labeled.getText();
        if (!labeled.isWrapText() || full == null || full.isBlank()) {
            return java.util.Optional.empty();
        }
        Text shown = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                shown = text;
            }
        }
        if (shown == null || shown.getWrappingWidth() <= 0) {
            return java.util.Optional.empty();
        }
        // Counted as break points: spaces and hyphens. JavaFX itself breaks only at spaces and cuts a longer word
        // wherever it overflows, at best next to a hyphen, so this check is lenient with hyphenated compounds.
        for (String word : full.strip().split("\\s+|(?<=-)")) {
            Text measure = new Text(word);
            measure.setFont(labeled.getFont());
            double width = measure.getLayoutBounds().getWidth();
            if (width > shown.getWrappingWidth() + TOLERANCE) {
                return java.util.Optional.of("broken word: " + describe(labeled) + " breaks \"" + word + "\" (needs "
                        + Math.round(width) + " px, line has " + Math.round(shown.getWrappingWidth()) + ")");
            }
        }
        return java.util.Optional.empty();
    }

    /** A wrapped line that starts with the hyphen of a compound ("8D-Report" / "-Assistent"): German breaks after it. */
    private static java.util.Optional<String> hyphenFirst(Labeled labeled) {
        Text shown = shownText(labeled);
        if (!labeled.isWrapText() || shown == null || shown.getText() == null) {
            return java.util.Optional.empty();
        }
        List<String> lines = lines(shown);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("-")) {
                return java.util.Optional.of("hyphen first: " + describe(labeled) + " starts a line with \""
                        + lines.get(i).strip() + "\"");
            }
        }
        return java.util.Optional.empty();
    }

    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    /** The lines {@code text} is laid out in, read from where each character is drawn. */
    static List<String> lines(Text text) {
        List<String> lines = new ArrayList<>();
        String content = text.getText();
        StringBuilder line = new StringBuilder();
        double lineY = Double.NaN;
        for (int i = 0; i < content.length(); i++) {
            javafx.scene.shape.PathElement[] shape = text.rangeShape(i, i + 1);
            if (shape.length > 0 && shape[0] instanceof javafx.scene.shape.MoveTo start) {
                if (!Double.isNaN(lineY) && start.getY() > lineY + TOLERANCE) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lineY = start.getY();
            }
            line.append(content.charAt(i));
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * A long free text in a table cell may be shortened when the cell still shows a readable start of it and the whole
     * text on hover; a value, a date or a header cut to a few letters is never acceptable.
     */
    private static boolean shortenedLegibly(Labeled labeled, String shown, String full) {
        int kept = shown.length() - labeled.getEllipsisString().length();
        if (kept < Math.min(MIN_KEPT, full.length() / 2)) {
            return false;
        }
        for (Node up = labeled; up != null; up = up.getParent()) {
            if (up instanceof Cell<?> cell) {
                return cell.getTooltip() != null && cell.getTooltip().getText() != null
                        && cell.getTooltip().getText().contains(full);
            }
        }
        return false;
    }

    private static void walkBoxes(Node node, boolean inOwnParent, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        Parent parent = node.getParent();
        if (inOwnParent && parent instanceof Region box && box.getClip() == null && node.isManaged()) {
            // The layout box, not the painted bounds: a glyph's overhang or a chart's tick label is no overflow.
            Bounds child = node.localToParent(node.getLayoutBounds());
            double width = box.getWidth();
            double height = box.getHeight();
            if (child.getWidth() > 0 && child.getHeight() > 0 && (child.getMinX() < -TOLERANCE
                    || child.getMinY() < -TOLERANCE || child.getMaxX() > width + TOLERANCE
                    || child.getMaxY() > height + TOLERANCE)) {
                problems.add("overflow: " + describe(node) + " at " + format(child) + " sticks out of "
                        + describe(box) + " of " + Math.round(width) + "×" + Math.round(height));
            }
        }
        // A scroll pane's content may be larger than the skin's box around it: that is what scrolling is for.
        boolean scrolls = node instanceof ScrollPane;
        for (Node child : hosted(node)) {
            walkBoxes(child, !scrolls, problems);
        }
    }

    /** The nodes whose boxes are the page's own layout: a control's hosted content, a plain parent's children. */
    private static List<Node> hosted(Node node) {
        if (node instanceof ScrollPane scroll) {
            return scroll.getContent() == null ? List.of() : List.of(scroll.getContent());
        }
        if (node instanceof SplitPane split) {
            return List.copyOf(split.getItems());
        }
        if (node instanceof TabPane tabs) {
            Tab tab = tabs.getSelectionModel().getSelectedItem();
            return tab == null || tab.getContent() == null ? List.of() : List.of(tab.getContent());
        }
        if (node instanceof TitledPane titled) {
            return titled.isExpanded() && titled.getContent() != null ? List.of(titled.getContent()) : List.of();
        }
        if (node instanceof Accordion accordion) {
            return List.copyOf(accordion.getPanes());
        }
        if (node instanceof ToolBar bar) {
            return List.copyOf(bar.getItems());
        }
        if (node instanceof Control || node instanceof Chart) {
            return List.of();
        }
        if (node instanceof Parent parent) {
            return List.copyOf(parent.getChildrenUnmodifiable());
        }
        return List.of();
    }

    private static String describe(Node node) {
        StringBuilder text = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            text.append('#').append(node.getId());
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            text.append(" \"").append(labeled.getText()).append('"');
        }
        Node named = node.getParent();
        while (named != null && named.getId() == null) {
            named = named.getParent();
        }
        if (named != null && named != node) {
            text.append(" in #").append(named.getId());
        }
        return text.toString();
    }

    private static String format(Bounds bounds) {
        return "[" + Math.round(bounds.getMinX()) + "," + Math.round(bounds.getMinY()) + " "
                + Math.round(bounds.getWidth()) + "×" + Math.round(bounds.getHeight()) + "]";
    }
}
