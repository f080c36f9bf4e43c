package eu.aifactory.portal.common;

import eu.aifactory.portal.i18n.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The question before a destructive action. Both buttons name what they do ("Cancel run" / "Keep running"), never
 * "Yes" / "No", and the safe one is the default: Enter and Escape both keep things as they are. The texts follow the
 * language while the question is open. The buttons keep the ids {@code confirm-yes} (act) and {@code confirm-no}.
 */
public final class Confirmation {

    private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
    private final ButtonType act = new ButtonType("", ButtonBar.ButtonData.OK_DONE);
    private final ButtonType keep = new ButtonType("", ButtonBar.ButtonData.CANCEL_CLOSE);

    /**
     * @param header  the question, or null for none
     * @param text    what happens, in full
     * @param actKey  the bundle key of the destructive button's verb
     * @param keepKey the bundle key of the safe button's verb
     */
    public Confirmation(I18n i18n, Window owner, String titleKey, String header, String text, String actKey,
                        String keepKey) {
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.titleProperty().bind(i18n.binding(titleKey));
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.getButtonTypes().setAll(act, keep);
        Button actButton = (Button) alert.getDialogPane().lookupButton(act);
        actButton.setId("confirm-yes");
        actButton.textProperty().bind(i18n.binding(actKey));
        actButton.setDefaultButton(false);
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        keepButton.setId("confirm-no");
        keepButton.textProperty().bind(i18n.binding(keepKey));
        keepButton.setDefaultButton(true);
    }

    public Alert alert() {
        return alert;
    }

    /** Shows the question without blocking (the page's background work goes on) and runs {@code action} on "act". */
    public void show(Runnable action) {
        alert.setOnHidden(event -> {
            if (confirmed()) {
                action.run();
            }
        });
        alert.show();
    }

    /** Shows the question and waits for the answer; true only for the destructive button. */
    public boolean showAndWait() {
        alert.showAndWait();
        return confirmed();
    }

    private boolean confirmed() {
        return alert.getResult() == act;
    }
}
