package eu.aifactory.portal.kiosk;

import eu.aifactory.portal.i18n.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** "Still there?": the ten seconds before the stand resets, over whatever the visitor left open. A touch cancels it. */
final class CountdownOverlay extends StackPane {

    private final I18n i18n;
    private final Label seconds = new Label();
    private final Label text = new Label();

    CountdownOverlay(I18n i18n) {
        this.i18n = i18n;
        setId("kiosk-countdown");
        getStyleClass().add("kiosk-countdown");
        seconds.setId("kiosk-countdown-seconds");
        seconds.getStyleClass().add("kiosk-countdown-seconds");
        text.setId("kiosk-countdown-text");
        text.getStyleClass().add("kiosk-countdown-text");
        text.setWrapText(true);
        Label title = new Label();
        title.setId("kiosk-countdown-title");
        title.getStyleClass().add("kiosk-countdown-title");
        title.textProperty().bind(i18n.binding("kiosk.countdown.title"));
        VBox card = new VBox(24, title, seconds, text);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("kiosk-countdown-card");
        card.setMaxSize(960, 560);
        getChildren().setAll(card);
        setVisible(false);
    }

    void show(long secondsLeft) {
        seconds.setText(Long.toString(secondsLeft));
        text.setText(i18n.get("kiosk.countdown.text", secondsLeft));
        setVisible(true);
    }

    void hide() {
        setVisible(false);
    }
}
