package eu.aifactory.portal.kiosk;

import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.common.KeyFingerprint;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.GermanyMap;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The attract screen: one scene of the loop at a time, built from live figures, and "Touch to start" below. The
 * whole screen is the start button.
 */
final class AttractView extends StackPane {

    private final I18n i18n;
    private final StackPane stage = new StackPane();
    private final Label touch = new Label();
    private final Label progress = new Label();

    AttractView(I18n i18n) {
        this.i18n = i18n;
        setId("kiosk-attract");
        getStyleClass().add("kiosk-attract");
        getStylesheets().add(Objects.requireNonNull(AttractView.class.getResource(
                "/eu/aifactory/portal/residency/residency.css")).toExternalForm());
        stage.setId("attract-stage");
        stage.getStyleClass().add("attract-stage");
        touch.setId("attract-touch");
        touch.getStyleClass().add("attract-touch");
        touch.setGraphic(new FontIcon(Material2OutlinedMZ.TOUCH_APP));
        progress.setId("attract-progress");
        progress.getStyleClass().add("attract-progress");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(24, touch, spacer, progress);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("attract-footer");
        VBox layout = new VBox(stage, footer);
        VBox.setVgrow(stage, Priority.ALWAYS);
        getChildren().setAll(layout);
    }

    /** Shows {@code scene} with {@code data} (null while the factory is still starting). */
    void show(AttractLoop.Scene scene, AttractData data) {
        Locale locale = i18n.locale();
        touch.setText(i18n.get("kiosk.attract.touch"));
        progress.setText(i18n.get("kiosk.attract.scene", scene.ordinal() + 1, AttractLoop.Scene.values().length));
        Node content = data == null ? waiting() : switch (scene) {
            case FACTORY_NOW -> factoryNow(data, locale);
            case HIGHLIGHT -> highlight(data, locale);
            case LIVE_WORKLOAD -> live(data, locale);
            case RESIDENCY -> residency(data, locale);
            case QUESTION -> question(data, locale);
        };
        content.setId("attract-scene-" + (data == null ? "waiting" : scene.name().toLowerCase(Locale.ROOT)));
        stage.getChildren().setAll(content);
    }

    private Node waiting() {
        return scene(i18n.get("kiosk.attract.waiting.title"), i18n.get("kiosk.attract.waiting.text"));
    }

    private Node factoryNow(AttractData data, Locale locale) {
        SiteIndicator pue = data.pue();
        Node gpus = figure("attract-gpus", Integer.toString(data.gpusBusy()),
                i18n.get("kiosk.attract.now.gpus", data.runningCount()));
        Node renewable = figure("attract-renewable", data.renewableShare() == null ? "–"
                : Formats.percent(data.renewableShare(), locale), i18n.get("kiosk.attract.now.renewable"));
        Node pueFigure = figure("attract-pue", pue == null ? "–" : Formats.number(pue.value(), 2, locale),
                pue == null || pue.threshold() == null ? i18n.get("kiosk.attract.now.pueNoLimit")
                        : i18n.get(Boolean.TRUE.equals(pue.pass()) ? "kiosk.attract.now.pueBelow" : "kiosk.attract.now.pueAbove",
                                Formats.number(pue.threshold().value(), 2, locale)));
        HBox figures = new HBox(48, gpus, renewable, pueFigure);
        figures.setAlignment(Pos.CENTER);
        return scene(i18n.get("kiosk.attract.now.title"), i18n.get("kiosk.attract.now.text"), figures);
    }

    private Node highlight(AttractData data, Locale locale) {
        if (data.highlight() == null) {
            return scene(i18n.get("kiosk.attract.highlight.title"), i18n.get("kiosk.attract.highlight.none"));
        }
        Label name = big("attract-highlight-name", data.highlight().name().in(locale));
        Label summary = text("attract-highlight-summary", data.highlight().summary().in(locale));
        Label price = text("attract-highlight-price", i18n.get("kiosk.attract.highlight.price",
                Formats.eur(data.highlight().priceFromEurPerHour(), locale), data.highlight().vendor()));
        return scene(i18n.get("kiosk.attract.highlight.title"), null, name, summary, price);
    }

    private Node live(AttractData data, Locale locale) {
        if (data.live() == null) {
            return scene(i18n.get("kiosk.attract.live.title"), i18n.get("kiosk.attract.live.none"));
        }
        BigDecimal kwh = data.live().energyKwh() == null ? BigDecimal.ZERO : data.live().energyKwh();
        Node counter = figure("attract-live-energy", Formats.kwh(kwh, locale), i18n.get("kiosk.attract.live.energy"));
        Label name = text("attract-live-name", i18n.get("kiosk.attract.live.name", data.live().name(),
                data.live().submittedByName()));
        return scene(i18n.get("kiosk.attract.live.title"), null, name, counter);
    }

    private Node residency(AttractData data, Locale locale) {
        GermanyMap map = new GermanyMap();
        map.setId("attract-map");
        map.setPrefSize(520, 640);
        map.show(data.sites(), locale, english -> data.residency().text(english, locale));
        Label verdict = new Label(data.verified()
                ? i18n.get("kiosk.attract.residency.verified", KeyFingerprint.shortForm(data.signedBy()))
                : i18n.get("kiosk.attract.residency.notVerified"));
        verdict.setId("attract-verified");
        verdict.setWrapText(true);
        verdict.setGraphic(new FontIcon(data.verified() ? Material2OutlinedMZ.VERIFIED_USER : Material2OutlinedAL.ERROR_OUTLINE));
        verdict.getStyleClass().addAll("attract-verdict", data.verified() ? "verified" : "not-verified");
        VBox texts = new VBox(24, text("attract-residency-text", i18n.get("kiosk.attract.residency.text",
                data.sites().size())), verdict);
        texts.setAlignment(Pos.CENTER_LEFT);
        texts.setMaxWidth(760);
        HBox row = new HBox(64, map, texts);
        row.setAlignment(Pos.CENTER);
        return scene(i18n.get("kiosk.attract.residency.title"), null, row);
    }

    private Node question(AttractData data, Locale locale) {
        Label asked = big("attract-question", i18n.get("kiosk.attract.question.asked"));
        HBox answers = new HBox(48,
                figure("attract-cost", Formats.eur(data.estimate().costEur(), locale), i18n.get("kiosk.attract.question.cost")),
                figure("attract-co2", Formats.kgCo2e(data.estimate().co2eKgMarketBased(), locale),
                        i18n.get("kiosk.attract.question.co2")),
                figure("attract-energy", Formats.kwh(data.estimate().energyKwh(), locale),
                        i18n.get("kiosk.attract.question.energy")));
        answers.setAlignment(Pos.CENTER);
        Label basis = text("attract-question-basis", i18n.get("kiosk.attract.question.basis",
                data.question().name().in(locale)));
        return scene(i18n.get("kiosk.attract.question.title"), null, asked, answers, basis);
    }

    /** A key id is a long thumbprint; its first characters identify it on a screen. */
    private static VBox scene(String title, String text, Node... body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("attract-title");
        heading.setWrapText(true);
        VBox box = new VBox(40, heading);
        if (text != null) {
            Label label = new Label(text);
            label.getStyleClass().add("attract-text");
            label.setWrapText(true);
            box.getChildren().add(label);
        }
        box.getChildren().addAll(body);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("attract-scene");
        return box;
    }

    private static VBox figure(String id, String value, String caption) {
        Label big = new Label(value);
        big.setId(id);
        big.getStyleClass().add("attract-figure");
        Label small = new Label(caption);
        small.getStyleClass().add("attract-caption");
        small.setWrapText(true);
        small.setMaxWidth(480);
        small.setAlignment(Pos.CENTER);
        VBox box = new VBox(8, big, small);
        box.setAlignment(Pos.CENTER);
        // As wide as its figure: alone in a scene's column it would otherwise span the screen.
        box.setMaxWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("attract-figure-box");
        return box;
    }

    private static Label big(String id, String value) {
        Label label = new Label(value);
        label.setId(id);
        label.getStyleClass().add("attract-big");
        label.setWrapText(true);
        return label;
    }

    private static Label text(String id, String value) {
        Label label = new Label(value);
        label.setId(id);
        label.getStyleClass().add("attract-text");
        label.setWrapText(true);
        label.setMaxWidth(1400);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
