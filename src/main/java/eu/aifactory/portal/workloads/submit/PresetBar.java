package eu.aifactory.portal.workloads.submit;

import atlantafx.base.theme.Styles;
import eu.aifactory.portal.i18n.I18n;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The presets line of the submit dialog: a chooser that fills the form, "Save as preset…" and delete. Ids:
 * {@code preset-choice}, {@code preset-save}, {@code preset-delete}, {@code preset-message}.
 */
final class PresetBar extends HBox {

    /** @param askName asks for the new preset's name, given the dialog's window; null when the user cancels */
    PresetBar(PresetsViewModel presets, I18n i18n, Function<Window, String> askName) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("preset-bar");
        Function<Window, String> ask = askName != null ? askName : window -> showNameDialog(window, i18n);

        ComboBox<SubmitPreset> choice = new ComboBox<>(presets.presets());
        choice.setId("preset-choice");
        choice.promptTextProperty().bind(i18n.binding("workloads.preset.choose"));
        choice.setPlaceholder(i18n.label("workloads.preset.none"));
        choice.setCellFactory(list -> new PresetCell());
        choice.setButtonCell(new PresetCell());
        choice.setPrefWidth(220);
        choice.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != presets.selectedProperty().get()) {
                presets.apply(now);
            }
        });
        presets.selectedProperty().addListener((obs, old, now) -> choice.setValue(now));

        Button save = i18n.button("workloads.preset.save");
        save.setGraphic(new FontIcon(Material2MZ.SAVE));
        save.setId("preset-save");
        save.getStyleClass().add(Styles.SMALL);
        save.setOnAction(event -> {
            String name = ask.apply(getScene() == null ? null : getScene().getWindow());
            if (name != null) {
                presets.saveAs(name);
            }
        });
        Button delete = new Button(null, new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setId("preset-delete");
        delete.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON);
        delete.setTooltip(i18n.tooltip("workloads.preset.delete"));
        delete.disableProperty().bind(presets.selectedProperty().isNull());
        delete.setOnAction(event -> presets.deleteSelected());

        Label message = new Label();
        message.setId("preset-message");
        message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        message.textProperty().bind(presets.messageProperty());
        getChildren().addAll(i18n.label("workloads.preset.label"), choice, save, delete, message);
    }

    private static String showNameDialog(Window owner, I18n i18n) {
        TextInputDialog dialog = new TextInputDialog();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.titleProperty().bind(i18n.binding("workloads.preset.save"));
        dialog.setHeaderText(i18n.get("workloads.preset.nameHeader"));
        dialog.getEditor().setId("preset-name");
        ButtonType save = new ButtonType("", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        ((Button) dialog.getDialogPane().lookupButton(save)).textProperty()
                .bind(i18n.binding("workloads.preset.saveButton"));
        ((Button) dialog.getDialogPane().lookupButton(cancel)).textProperty().bind(i18n.binding("workloads.submit.cancel"));
        return dialog.showAndWait().orElse(null);
    }

    private static final class PresetCell extends ListCell<SubmitPreset> {
        @Override
        protected void updateItem(SubmitPreset item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.name());
        }
    }
}
