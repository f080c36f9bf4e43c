package eu.aifactory.portal.catalog;

import eu.aifactory.portal.i18n.I18n;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;

/**
 * The values of one facet as check boxes with their counts. Boxes are kept and relabelled rather than rebuilt on
 * every keystroke, so focus and ticks survive typing; a value with no match is disabled unless ticked.
 */
final class FacetList extends VBox {

    private final String facetId;
    private final ObservableList<FacetOption> options;
    private final ObservableSet<String> selected;
    private final Function<String, String> label;
    private final I18n i18n;
    private final Map<String, CheckBox> boxes = new HashMap<>();

    FacetList(String facetId, ObservableList<FacetOption> options, ObservableSet<String> selected,
              Function<String, String> label, I18n i18n) {
        super(4);
        this.facetId = facetId;
        this.options = options;
        this.selected = selected;
        this.label = label;
        this.i18n = i18n;
        getStyleClass().add("facet-list");
        setId("facet-" + facetId);
        options.addListener((ListChangeListener<FacetOption>) change -> sync());
        selected.addListener((SetChangeListener<String>) change -> {
            CheckBox box = boxes.get(change.getElementAdded() != null ? change.getElementAdded() : change.getElementRemoved());
            if (box != null) {
                box.setSelected(selected.contains(box.getUserData().toString()));
                refresh(box, count(box.getUserData().toString()));
            }
        });
        i18n.localeProperty().addListener((obs, old, now) -> sync());
        sync();
    }

    private void sync() {
        Map<String, CheckBox> keep = new HashMap<>();
        List<CheckBox> ordered = new ArrayList<>();
        for (FacetOption option : options) {
            CheckBox box = boxes.computeIfAbsent(option.key(), this::createBox);
            keep.put(option.key(), box);
            refresh(box, option.count());
            ordered.add(box);
        }
        boxes.keySet().retainAll(keep.keySet());
        Collator collator = Collator.getInstance(i18n.locale());
        ordered.sort(Comparator.comparing(box -> label.apply(box.getUserData().toString()), collator));
        if (!ordered.equals(getChildren())) {
            getChildren().setAll(ordered);
        }
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

    private void refresh(CheckBox box, int count) {
        String key = box.getUserData().toString();
        box.setText(i18n.get("catalog.facet.option", label.apply(key), count));
        box.setDisable(count == 0 && !selected.contains(key));
    }

    private int count(String key) {
        return options.stream().filter(option -> option.key().equals(key)).mapToInt(FacetOption::count).findFirst().orElse(0);
    }
}
