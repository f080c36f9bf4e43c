package eu.aifactory.portal.workloads;

import eu.aifactory.portal.common.QuietWindow;
import eu.aifactory.portal.i18n.I18n;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows a {@link WorkloadNotifier.Notice} as a ControlsFX desktop notification; a click opens the workload. */
final class NotificationPopup {

    /* The popup's own pane paints the card's background and border in the theme's colours (app.css). */
    private static final String CARD = "-fx-padding: 12 8 12 12;";
    private static final String TITLE = "-fx-font-weight: bold; -fx-text-fill: -color-fg-default;";
    private static final String TEXT = "-fx-text-fill: -color-fg-muted;";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPopup.class);

    private NotificationPopup() {
    }

    private static Node card(WorkloadNotifier.Notice notice, String title, I18n i18n) {
        FontIcon icon = new FontIcon(switch (notice.status()) {
            case FAILED -> Material2AL.ERROR_OUTLINE;
            case SUCCEEDED -> Material2AL.CHECK_CIRCLE_OUTLINE;
            default -> Material2MZ.PLAY_CIRCLE_OUTLINE;
        });
        // FontIcon keeps its font family in its inline style: add to it, never replace it.
        icon.setStyle(icon.getStyle() + "; -fx-icon-size: 28px; -fx-icon-color: " + switch (notice.status()) {
            case FAILED -> "-color-danger-emphasis";
            case SUCCEEDED -> "-color-success-emphasis";
            default -> "-color-accent-emphasis";
        } + ";");
        Label heading = new Label(title);
        heading.setStyle(TITLE);
        Label name = new Label(notice.name());
        name.setStyle(TITLE);
        VBox text = new VBox(2, heading, name);
        String why = WorkloadFormats.reason(notice.reasonCode(), notice.reasonArgs(), notice.reason(), i18n);
        if (!why.isBlank()) {
            Label reason = new Label(why);
            reason.setWrapText(true);
            reason.setMaxWidth(320);
            reason.setStyle(TEXT);
            text.getChildren().add(reason);
        }
        HBox card = new HBox(12, icon, text);
        card.setId("workload-notification");
        card.setStyle(CARD);
        card.setMaxWidth(400);
        return card;
    }

    static void show(WorkloadNotifier.Notice notice, I18n i18n, Consumer<String> open) {
        Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (owner == null || QuietWindow.isQuiet(owner)) {
            // Nothing on screen to anchor to (the window is closing), or a guided tour shows the change itself.
            return;
        }
        String title = switch (notice.status()) {
            case RUNNING -> i18n.get("workloads.notify.started");
            case SUCCEEDED -> i18n.get("workloads.notify.succeeded");
            case FAILED -> i18n.get("workloads.notify.failed");
            default -> WorkloadFormats.status(notice.status(), i18n);
        };
        try {
            Notifications.create()
                    .owner(owner)
                    .graphic(card(notice, title, i18n))
                    .hideAfter(Duration.seconds(8))
                    .onAction(event -> open.accept(notice.workloadId()))
                    .show();
        } catch (RuntimeException e) {
            LOG.warn("notification not shown: {}", e.toString());
        }
    }
}
