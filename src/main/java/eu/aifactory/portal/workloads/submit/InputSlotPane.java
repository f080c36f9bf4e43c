package eu.aifactory.portal.workloads.submit;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The controls of one input slot: a combo box of the project's datasets (name, size, date), "Upload file…" with a
 * progress bar, percent and Cancel while the file goes up, and the slot's error. Ids end in the slot name, e.g.
 * {@code input-images}, {@code upload-images}, {@code upload-progress-images}, {@code upload-cancel-images}.
 */
final class InputSlotPane extends VBox {

    private final InputSlotViewModel slot;
    private final I18n i18n;
    private final ComboBox<Dataset> choice = new ComboBox<>();

    /** @param chooseFile asks the user for a file, given the dialog's window; null when they cancel */
    InputSlotPane(InputSlotViewModel slot, I18n i18n, Function<Window, Path> chooseFile) {
        super(4);
        this.slot = slot;
        this.i18n = i18n;
        getStyleClass().add("input-slot");
        String name = slot.name();

        choice.setId("input-" + name);
        choice.setItems(slot.datasets());
        choice.promptTextProperty().bind(i18n.binding("workloads.input.choose"));
        choice.setPlaceholder(i18n.label("workloads.input.none"));
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setCellFactory(list -> new DatasetCell(true));
        // The closed box is narrow: name and size; the list shows the date too.
        choice.setButtonCell(new DatasetCell(false));
        choice.valueProperty().bindBidirectional(slot.selectedProperty());
        choice.disableProperty().bind(slot.uploadingProperty());
        HBox.setHgrow(choice, Priority.ALWAYS);

        Button upload = i18n.button("workloads.input.upload");
        upload.setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
        upload.setId("upload-" + name);
        upload.getStyleClass().add("reaches-disk");
        upload.setMinWidth(Region.USE_PREF_SIZE);
        upload.disableProperty().bind(slot.uploadingProperty());
        upload.setOnAction(event -> slot.upload(chooseFile.apply(getScene() == null ? null : getScene().getWindow())));
        // The dataset's name needs the width; the upload button goes on its own line below the choice.
        HBox line = new HBox(8, choice);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox uploadLine = new HBox(8, upload);
        uploadLine.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("upload-progress-" + name);
        bar.progressProperty().bind(slot.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label percent = new Label();
        percent.setId("upload-percent-" + name);
        percent.getStyleClass().add(Styles.TEXT_SMALL);
        percent.textProperty().bind(Bindings.createStringBinding(() -> slot.uploadNameProperty().get() == null ? ""
                : i18n.get("workloads.input.uploadProgress", slot.uploadNameProperty().get(),
                        Math.round(slot.progressProperty().get() * 100)),
                slot.uploadNameProperty(), slot.progressProperty(), i18n.localeProperty()));
        Button cancel = i18n.button("workloads.input.cancelUpload");
        cancel.setId("upload-cancel-" + name);
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setOnAction(event -> slot.cancelUpload());
        HBox progressLine = new HBox(8, bar, cancel);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        VBox progress = new VBox(2, progressLine, percent);
        progress.visibleProperty().bind(slot.uploadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label carried = new Label();
        carried.setId("input-carried-" + name);
        carried.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        carried.textProperty().bind(Bindings.createStringBinding(() -> slot.carriedIdProperty().get() == null ? ""
                : i18n.get("workloads.input.carried", slot.carriedIdProperty().get()), slot.carriedIdProperty(),
                i18n.localeProperty()));
        carried.visibleProperty().bind(slot.carriedIdProperty().isNotNull());
        carried.managedProperty().bind(carried.visibleProperty());

        Label empty = i18n.label("workloads.input.none");
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        empty.visibleProperty().bind(Bindings.isEmpty(slot.datasets()).and(slot.uploadingProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());

        Label error = new Label();
        error.setId("error-input-" + name);
        error.setWrapText(true);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(slot.errorProperty());
        error.visibleProperty().bind(slot.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        getChildren().addAll(line, carried, empty, uploadLine, progress, error);
    }

    ComboBox<Dataset> choice() {
        return choice;
    }

    /** "Prüfbilder.csv · 1,2 MB · 25.11.2026, 10:00": what a user needs to tell their uploads apart. */
    static String describe(Dataset d, I18n i18n) {
        Locale locale = i18n.locale();
        return i18n.get("workloads.input.datasetText", d.name(), bytes(d.sizeBytes(), locale),
                Formats.dateTime(d.createdAt(), locale));
    }

    static String bytes(long size, Locale locale) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = size;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return Formats.number(value, unit == 0 ? 0 : 1, locale) + "\u00a0" + units[unit];
    }

    private final class DatasetCell extends ListCell<Dataset> {
        private final boolean withDate;

        DatasetCell(boolean withDate) {
            this.withDate = withDate;
        }

        @Override
        protected void updateItem(Dataset item, boolean empty) {
            super.updateItem(item, empty);
            i18n.cellText(this, empty || item == null ? null : () -> withDate ? describe(item, i18n)
                    : item.name() + " · " + bytes(item.sizeBytes(), i18n.locale()));
        }
    }
}
