package eu.aifactory.portal.common;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A tab pane whose headers wrap into a second row where the width is short, instead of hiding the last tabs behind an
 * overflow menu: the pane's own header row is hidden (app.css, {@code wrapped-tabs}) and a row of toggle buttons, one
 * per tab and following its text, selects the tabs. The tab pane and its selection model stay as they are.
 */
public final class WrappingTabs {

    private WrappingTabs() {
    }

    /** {@code tabs} below its wrapping header row; the buttons' ids are the tabs' ids (or index) with "-header". */
    public static VBox of(TabPane tabs) {
        tabs.getStyleClass().add("wrapped-tabs");
        FlowPane headers = new FlowPane(4, 4);
        headers.getStyleClass().add("wrapped-tab-headers");
        if (tabs.getId() != null) {
            headers.setId(tabs.getId() + "-headers");
        }
        ToggleGroup group = new ToggleGroup();
        Runnable rebuild = () -> {
            headers.getChildren().clear();
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                Tab tab = tabs.getTabs().get(i);
                ToggleButton button = new ToggleButton();
                button.textProperty().bind(tab.textProperty());
                button.setId((tab.getId() != null ? tab.getId() : tabs.getId() + "-" + i) + "-header");
                button.setToggleGroup(group);
                button.setSelected(tabs.getSelectionModel().getSelectedItem() == tab);
                // A click on the selected header keeps it selected: one tab is always shown.
                button.setOnAction(e -> {
                    tabs.getSelectionModel().select(tab);
                    button.setSelected(true);
                });
                headers.getChildren().add(button);
            }
        };
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> rebuild.run());
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            int index = now.intValue();
            if (index >= 0 && index < headers.getChildren().size()) {
                ((ToggleButton) headers.getChildren().get(index)).setSelected(true);
            }
        });
        rebuild.run();
        VBox box = new VBox(6, headers, tabs);
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }
}
