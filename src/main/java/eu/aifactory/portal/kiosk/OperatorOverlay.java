package eu.aifactory.portal.kiosk;

import eu.aifactory.portal.i18n.I18n;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's corner of the kiosk, behind the PIN: setting the PIN at the first start, asking for it after the key
 * chord, and the menu it opens (reset now, language, idle time, leave the kiosk). The PIN is checked in the
 * background (PBKDF2 is slow on purpose) and wrong tries lock the prompt for a while ({@link PinGate}).
 */
final class OperatorOverlay extends StackPane {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorOverlay.class);

    /** What the menu's buttons do. */
    interface Actions {
        void resetNow();

        void languageMode(KioskConfig.LanguageMode mode);

        void idleTime(Duration time);

        void leave();
    }

    private enum Mode { NEW_PIN, ASK_PIN, MENU }

    static final List<Integer> IDLE_CHOICES = List.of(30, 60, 90, 120, 180, 300);

    private final KioskServices services;
    private final PinGate gate;
    private final Actions actions;
    private final I18n i18n;
    private final Label title = new Label();
    private final Label message = new Label();
    private final PasswordField pin = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final Button ok;
    private final Button cancel;
    private final VBox pinBox;
    private final VBox menu;
    private Mode mode = Mode.ASK_PIN;
    private boolean checking;

    OperatorOverlay(KioskServices services, PinGate gate, Actions actions) {
        this.services = services;
        this.gate = gate;
        this.actions = actions;
        this.i18n = services.i18n();
        setId("kiosk-operator");
        getStyleClass().add("kiosk-operator");
        title.setId("kiosk-operator-title");
        title.getStyleClass().add("kiosk-operator-title");
        message.setId("kiosk-pin-message");
        message.getStyleClass().add("kiosk-pin-message");
        message.setWrapText(true);
        pin.setId("kiosk-pin-field");
        confirm.setId("kiosk-pin-confirm");
        ok = i18n.button("kiosk.pin.ok");
        ok.setId("kiosk-pin-ok");
        ok.setDefaultButton(true);
        ok.setOnAction(event -> submit());
        cancel = i18n.button("kiosk.pin.cancel");
        cancel.setId("kiosk-pin-cancel");
        cancel.setOnAction(event -> close());
        HBox buttons = new HBox(16, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        pinBox = new VBox(16, pin, confirm, message, buttons);
        menu = buildMenu();
        VBox card = new VBox(24, title, pinBox, menu);
        card.getStyleClass().add("kiosk-operator-card");
        card.setMaxSize(720, USE_PREF_SIZE);
        getChildren().setAll(card);
        setVisible(false);
    }

    /** First kiosk start: the operator chooses the PIN; nothing else can be done before. */
    void askNewPin() {
        show(Mode.NEW_PIN);
    }

    /** The key chord: the PIN, then the menu. */
    void askPin() {
        if (mode == Mode.NEW_PIN && isVisible()) {
            return;
        }
        show(Mode.ASK_PIN);
    }

    private void show(Mode newMode) {
        mode = newMode;
        pin.clear();
        confirm.clear();
        message.setText(mode == Mode.NEW_PIN ? i18n.get("kiosk.pin.newHint") : "");
        title.setText(i18n.get(switch (mode) {
            case NEW_PIN -> "kiosk.pin.newTitle";
            case ASK_PIN -> "kiosk.pin.askTitle";
            case MENU -> "kiosk.menu.title";
        }));
        boolean asking = mode != Mode.MENU;
        pinBox.setVisible(asking);
        pinBox.setManaged(asking);
        confirm.setVisible(mode == Mode.NEW_PIN);
        confirm.setManaged(mode == Mode.NEW_PIN);
        cancel.setVisible(mode == Mode.ASK_PIN);
        menu.setVisible(!asking);
        menu.setManaged(!asking);
        setVisible(true);
        if (asking) {
            pin.requestFocus();
        }
    }

    private void close() {
        if (mode == Mode.NEW_PIN) {
            return;
        }
        pin.clear();
        confirm.clear();
        setVisible(false);
    }

    private void submit() {
        if (checking) {
            return;
        }
        char[] given = pin.getText().toCharArray();
        pin.clear();
        if (mode == Mode.NEW_PIN) {
            char[] again = confirm.getText().toCharArray();
            confirm.clear();
            if (!KioskConfig.acceptable(given)) {
                message.setText(i18n.get("kiosk.pin.tooShort"));
            } else if (!Arrays.equals(given, again)) {
                message.setText(i18n.get("kiosk.pin.mismatch"));
            } else {
                checking = true;
                services.executor().run(() -> {
                    services.config().setPin(given);
                    return true;
                }, done -> {
                    checking = false;
                    Arrays.fill(given, '\0');
                    close();
                }, failure -> {
                    checking = false;
                    message.setText(i18n.get("kiosk.pin.notSaved"));
                });
            }
            Arrays.fill(again, '\0');
            return;
        }
        long locked = gate.lockedForMs();
        if (locked > 0) {
            Arrays.fill(given, '\0');
            message.setText(i18n.get("kiosk.pin.locked", (locked + 999) / 1000));
            return;
        }
        checking = true;
        services.executor().run(() -> services.config().matches(given), right -> {
            checking = false;
            Arrays.fill(given, '\0');
            if (right) {
                gate.right();
                show(Mode.MENU);
            } else {
                gate.wrong();
                long wait = gate.lockedForMs();
                message.setText(wait > 0 ? i18n.get("kiosk.pin.locked", (wait + 999) / 1000) : i18n.get("kiosk.pin.wrong"));
            }
        }, failure -> {
            checking = false;
            message.setText(i18n.get("kiosk.pin.wrong"));
        });
    }

    private VBox buildMenu() {
        Button reset = i18n.button("kiosk.menu.reset");
        reset.setId("kiosk-menu-reset");
        reset.setOnAction(event -> {
            close();
            actions.resetNow();
        });
        Button german = i18n.button("kiosk.menu.german");
        german.setId("kiosk-menu-lang-de");
        german.setOnAction(event -> language(KioskConfig.LanguageMode.GERMAN));
        Button english = i18n.button("kiosk.menu.english");
        english.setId("kiosk-menu-lang-en");
        english.setOnAction(event -> language(KioskConfig.LanguageMode.ENGLISH));
        Button alternate = i18n.button("kiosk.menu.alternate");
        alternate.setId("kiosk-menu-lang-alt");
        alternate.setOnAction(event -> language(KioskConfig.LanguageMode.ALTERNATE));
        HBox languages = new HBox(12, german, english, alternate);

        ComboBox<Integer> idle = new ComboBox<>();
        idle.setId("kiosk-menu-idle");
        idle.getItems().setAll(IDLE_CHOICES);
        idle.setValue((int) services.config().idle().toSeconds());
        idle.setOnAction(event -> {
            Duration time = Duration.ofSeconds(idle.getValue());
            remember(() -> services.config().setIdle(time));
            actions.idleTime(time);
        });
        Label idleLabel = i18n.label("kiosk.menu.idle");
        idleLabel.setLabelFor(idle);
        HBox idleRow = new HBox(12, idleLabel, idle);
        idleRow.setAlignment(Pos.CENTER_LEFT);

        Button leave = i18n.button("kiosk.menu.leave");
        leave.setId("kiosk-menu-leave");
        leave.getStyleClass().add("danger");
        leave.setOnAction(event -> actions.leave());
        Button back = i18n.button("kiosk.menu.close");
        back.setId("kiosk-menu-close");
        back.setOnAction(event -> close());
        HBox bottom = new HBox(16, leave, back);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(20, reset, i18n.label("kiosk.menu.language"), languages, idleRow, bottom);
        box.setId("kiosk-menu");
        return box;
    }

    private void language(KioskConfig.LanguageMode chosen) {
        remember(() -> services.config().setLanguageMode(chosen));
        actions.languageMode(chosen);
    }

    /** Writes a setting to the kiosk's file off the UI thread; the running kiosk already uses the new value. */
    private void remember(Runnable write) {
        services.executor().run(() -> {
            write.run();
            return true;
        }, done -> { }, failure -> LOG.warn("kiosk setting not saved: {}", failure.toString()));
    }
}
