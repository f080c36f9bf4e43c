package eu.aifactory.portal.catalog;

import eu.aifactory.portal.i18n.I18n;
import java.text.Collator;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;

/**
 * The values of one facet as check boxes with their counts, in the order of their names. Boxes are kept and only
 * relabelled when a count changes, so ticks and focus survive typing and a keystroke costs little. A facet with
 * many values (a large catalog has hundreds of vendors) shows its most frequent ones plus the ticked ones, with a
 * link to show all; a value with no match is disabled unless ticked.
 */
final class FacetList extends VBox {

    private final String facetId;
    private final ObservableList<FacetOption> options;
    private final ObservableSet<String> selected;
    private final Function<String, String> label;
    private final I18n i18n;
    private final int collapsedLimit;

    private final VBox boxesPane = new VBox(4);
    private final Hyperlink toggle = new Hyperlink();
    private final Map<String, CheckBox> boxes = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Integer> shownCounts = new HashMap<>();
    private List<String> alphabetical = List.of();
    private Set<String> frequent = Set.of();
    private boolean expanded;
    private Locale formatLocale;
    private MessageFormat optionFormat;

    /**
     * @param collapsedLimit how many values show before "Show all"; {@link Integer#MAX_VALUE} to always show all
     */
    FacetList(String facetId, ObservableList<FacetOption> options, ObservableSet<String> selected,
              Function<String, String> label, I18n i18n, int collapsedLimit) {
        super(4);
        this.facetId = facetId;
        this.options = options;
        this.selected = selected;
        this.label = label;
        this.i18n = i18n;
        this.collapsedLimit = collapsedLimit;
        getStyleClass().add("facet-list");
        setId("facet-" + facetId);
        toggle.setId("facet-" + facetId + "-toggle");
        toggle.getStyleClass().add("facet-toggle");
        toggle.setOnAction(event -> {
            expanded = !expanded;
            showBoxes();
        });
        getChildren().setAll(boxesPane, toggle);

        options.addListener((ListChangeListener<FacetOption>) change -> sync(false));
        selected.addListener((SetChangeListener<String>) change -> {
            String key = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
            CheckBox box = boxes.get(key);
            if (box != null) {
                box.setSelected(selected.contains(key));
            }
            showBoxes();
        });
        i18n.onSwitch(this, () -> sync(true));
        sync(true);
    }

    private void sync(boolean relabel) {
        boolean structure = relabel || options.size() != boxes.size();
        counts.clear();
        for (FacetOption option : options) {
            counts.put(option.key(), option.count());
            if (!boxes.containsKey(option.key())) {
                boxes.put(option.key(), createBox(option.key()));
                structure = true;
            }
        }
        if (structure) {
            restructure();
        }
        showBoxes();
    }

    /** A new set of values or a new language: drop gone boxes, re-sort, re-rank, relabel everything. */
    private void restructure() {
        boxes.keySet().retainAll(counts.keySet());
        shownCounts.clear();
        Collator collator = Collator.getInstance(i18n.locale());
        List<String> keys = new ArrayList<>(boxes.keySet());
        keys.sort(Comparator.comparing(label, collator));
        alphabetical = keys;
        List<String> byCount = new ArrayList<>(keys);
        byCount.sort(Comparator.comparingInt((String key) -> -counts.getOrDefault(key, 0)));
        frequent = new HashSet<>(byCount.subList(0, Math.min(collapsedLimit, byCount.size())));
    }

    /** Puts the boxes to show, in name order, into the pane and brings their texts up to date. */
    private void showBoxes() {
        // Collapsing pays only when it hides more than a couple of values (long arithmetic: the limit may be MAX_VALUE).
        boolean collapsible = boxes.size() > (long) collapsedLimit + 2;
        List<Node> shown = new ArrayList<>();
        for (String key : alphabetical) {
            if (expanded || !collapsible || frequent.contains(key) || selected.contains(key)) {
                CheckBox box = boxes.get(key);
                refresh(box, key);
                shown.add(box);
            }
        }
        if (!shown.equals(boxesPane.getChildren())) {
            boxesPane.getChildren().setAll(shown);
        }
        toggle.setVisible(collapsible);
        toggle.setManaged(collapsible);
        toggle.setText(expanded ? i18n.get("catalog.facet.showFewer") : i18n.get("catalog.facet.showAll", boxes.size()));
    }

    private CheckBox createBox(String key) {
        CheckBox box = new CheckBox();
        box.setUserData(key);
        box.setId("facet-" + facetId + "-" + key.replaceAll("[^A-Za-z0-9-]", "_"));
        box.setMnemonicParsing(false);
        box.setWrapText(true);
        box.setSelected(selected.contains(key));
        box.setOnAction(event -> {
            if (box.isSelected()) {
                selected.add(key);
            } else {
                selected.remove(key);
            }
        });
        return box;
    }

    private void refresh(CheckBox box, String key) {
        int count = counts.getOrDefault(key, 0);
        Integer shown = shownCounts.put(key, count);
        if (shown == null || shown != count) {
            box.setText(optionFormat().format(new Object[] {label.apply(key), count}));
        }
        box.setDisable(count == 0 && !selected.contains(key));
    }

    /** "Name (12)": parsed once per language rather than once per box and keystroke. */
    private MessageFormat optionFormat() {
        if (!i18n.locale().equals(formatLocale)) {
            formatLocale = i18n.locale();
            optionFormat = new MessageFormat(i18n.get("catalog.facet.option"), formatLocale);
        }
        return optionFormat;
    }
}
