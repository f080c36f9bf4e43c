package eu.aifactory.portal.tour;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tour.GuidedTourViewModel.Step;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The callout of the current step: "Step n of m", a large title and text, and Skip / Next; at the last step the
 * take-away (the QR code of the signed receipt, its figures, and Print when the machine has a printer).
 */
final class TourCallout extends VBox {

    static final double WIDTH = 560;
    static final double TAKE_AWAY_WIDTH = 980;
    /** Screen pixels per QR module: about 7 mm per side for a receipt, easy for a phone camera. */
    static final int QR_PIXELS_PER_MODULE = 5;

    private final GuidedTourViewModel viewModel;
    private final I18n i18n;
    private final BooleanProperty printable = new SimpleBooleanProperty(this, "printable");
    private final VBox takeAway = new VBox(12);
    private Runnable onPrint = () -> { };

    TourCallout(GuidedTourViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        setId("tour-callout");
        getStyleClass().add("tour-callout");
        getStylesheets().add(TourOverlay.STYLESHEET);

        Label progress = new Label();
        progress.setId("tour-progress");
        progress.getStyleClass().add("tour-progress");
        progress.textProperty().bind(viewModel.progressText());
        Label title = new Label();
        title.setId("tour-title");
        title.getStyleClass().add("tour-title");
        title.setWrapText(true);
        title.textProperty().bind(stepText(true));
        Label text = new Label();
        text.setId("tour-text");
        text.getStyleClass().add("tour-text");
        text.setWrapText(true);
        text.textProperty().bind(stepText(false));

        takeAway.setId("tour-takeaway");
        takeAway.managedProperty().bind(takeAway.visibleProperty());
        takeAway.visibleProperty().bind(viewModel.stepProperty().isEqualTo(Step.TAKE_AWAY));
        viewModel.takeAwayProperty().addListener((obs, old, now) -> fillTakeAway());
        viewModel.takeAwayErrorProperty().addListener((obs, old, now) -> fillTakeAway());
        i18n.onSwitch(this, this::fillTakeAway);

        Button skip = new Button();
        skip.setId("tour-skip");
        skip.textProperty().bind(i18n.binding("tour.skip"));
        skip.setOnAction(e -> viewModel.skip());
        Button next = new Button();
        next.setId("tour-next");
        next.getStyleClass().add(Styles.ACCENT);
        next.textProperty().bind(i18n.text(() -> i18n.get(switch (viewModel.step() == null ? Step.PICK_APP : viewModel.step()) {
            case TAKE_AWAY -> "tour.finish";
            case STARTING, RUNNING -> "tour.waiting";
            default -> "tour.next";
        }), viewModel.stepProperty()));
        next.disableProperty().bind(viewModel.nextEnabledProperty().not());
        next.setOnAction(e -> viewModel.next());
        next.setDefaultButton(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(12, skip, spacer, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().setAll(progress, title, text, takeAway, buttons);
        prefWidthProperty().bind(Bindings.when(viewModel.stepProperty().isEqualTo(Step.TAKE_AWAY))
                .then(TAKE_AWAY_WIDTH).otherwise(WIDTH));
        setMaxWidth(Region.USE_PREF_SIZE);
    }

    /** Whether a printer is configured: only then is Print offered (a kiosk allows no "save as PDF"). */
    BooleanProperty printableProperty() {
        return printable;
    }

    void setOnPrint(Runnable action) {
        this.onPrint = action;
    }

    private javafx.beans.binding.StringBinding stepText(boolean title) {
        return i18n.text(() -> {
            Step step = viewModel.step();
            return step == null ? "" : i18n.get(title ? step.titleKey() : step.textKey());
        }, viewModel.stepProperty());
    }

    private void fillTakeAway() {
        SignedEnergyReceipt signed = viewModel.takeAwayProperty().get();
        String error = viewModel.takeAwayErrorProperty().get();
        if (signed == null) {
            Label message = new Label(error == null ? i18n.get("tour.takeAway.loading") : error);
            message.setId("tour-takeaway-message");
            message.getStyleClass().add(error == null ? "tour-takeaway-note" : "tour-takeaway-error");
            message.setWrapText(true);
            takeAway.getChildren().setAll(message);
            return;
        }
        ImageView qr = new ImageView(QrCode.of(signed.qrText()).image(QR_PIXELS_PER_MODULE));
        qr.setId("tour-qr");
        qr.setSmooth(false);
        StackPane qrFrame = new StackPane(qr);
        qrFrame.getStyleClass().add("tour-qr-frame");
        qrFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        EnergyReceiptSummary s = signed.summary();
        VBox lines = new VBox(
                pair("tour.takeAway.energy", Formats.kwh3(s.facilityKwh(), i18n.locale()), "tour-takeaway-energy"),
                pair("tour.takeAway.co2e", Formats.kg3(s.co2eKg(), i18n.locale()), "tour-takeaway-co2e"),
                pair("tour.takeAway.site", s.site(), "tour-takeaway-site"),
                pair("tour.takeAway.window", Formats.dateTime(s.from(), i18n.locale()) + " – " + endText(s),
                        "tour-takeaway-window"),
                pair("tour.takeAway.key", s.kid(), "tour-takeaway-key"));
        lines.getStyleClass().add("tour-takeaway-lines");
        Label note = new Label(i18n.get("tour.takeAway.note"));
        note.setId("tour-takeaway-note");
        note.getStyleClass().add("tour-takeaway-note");
        note.setWrapText(true);
        Button print = new Button(i18n.get("tour.takeAway.print"));
        print.setId("tour-print");
        print.visibleProperty().bind(printable);
        print.managedProperty().bind(printable);
        print.setOnAction(e -> onPrint.run());
        VBox right = new VBox(14, lines, note, print);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox row = new HBox(24, qrFrame, right);
        row.setAlignment(Pos.TOP_LEFT);
        takeAway.getChildren().setAll(row);
    }

    /** The end as a time of day when the run ended on the day it started, else with its date. */
    private String endText(EnergyReceiptSummary s) {
        ZoneId zone = ZoneId.systemDefault();
        if (!s.from().atZone(zone).toLocalDate().equals(s.to().atZone(zone).toLocalDate())) {
            return Formats.dateTime(s.to(), i18n.locale());
        }
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(i18n.locale()).withZone(zone).format(s.to());
    }

    private Node pair(String labelKey, String value, String id) {
        Label label = new Label(i18n.get(labelKey));
        label.getStyleClass().add("tour-takeaway-label");
        Label text = new Label(value);
        text.setId(id);
        text.getStyleClass().add("tour-takeaway-value");
        text.setWrapText(true);
        return new VBox(0, label, text);
    }
}
