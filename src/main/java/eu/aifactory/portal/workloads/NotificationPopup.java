package eu.aifactory.portal.workloads;

import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.i18n.I18n;
import java.util.function.Consumer;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows a {@link WorkloadNotifier.Notice} as a ControlsFX desktop notification; a click opens the workload. */
final class NotificationPopup {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPopup.class);

    private NotificationPopup() {
    }

    static void show(WorkloadNotifier.Notice notice, I18n i18n, Consumer<String> open) {
        Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (owner == null) {
            // Nothing on screen to anchor to (the window is closing); the table shows the change anyway.
            return;
        }
        String title = switch (notice.status()) {
            case RUNNING -> i18n.get("workloads.notify.started");
            case SUCCEEDED -> i18n.get("workloads.notify.succeeded");
            case FAILED -> i18n.get("workloads.notify.failed");
            default -> WorkloadFormats.status(notice.status(), i18n);
        };
        String text = notice.name() + (notice.reason() == null || notice.reason().isBlank() ? "" : "\n" + notice.reason());
        try {
            Notifications popup = Notifications.create()
                    .owner(owner)
                    .title(title)
                    .text(text)
                    .hideAfter(Duration.seconds(8))
                    .onAction(event -> open.accept(notice.workloadId()));
            if (notice.status() == WorkloadStatus.FAILED) {
                popup.showError();
            } else {
                popup.showInformation();
            }
        } catch (RuntimeException e) {
            LOG.warn("notification not shown: {}", e.toString());
        }
    }
}
