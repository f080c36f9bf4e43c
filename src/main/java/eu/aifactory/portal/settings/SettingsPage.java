package eu.aifactory.portal.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.api.release.ReleaseManifest;
import eu.aifactory.portal.common.Confirmation;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.theme.ThemeMode;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The Settings page: language, theme, notifications, the factory connection with "Sign out", the factory's
 * signing keys the portal pinned (with "Forget"), and whether a newer portal is out.
 */
public final class SettingsPage implements Page {

    private final SettingsViewModel viewModel;
    private final TrustedKeysViewModel trustedKeys;
    private final UpdatesViewModel updates;
    private final I18n i18n;
    private Node view;
    /** Asks before forgetting the pinned keys; replaceable so tests need no modal dialog. */
    private BooleanSupplier confirmForget = this::askForget;

    public SettingsPage(SettingsViewModel viewModel, TrustedKeysViewModel trustedKeys, UpdatesViewModel updates,
                        I18n i18n) {
        this.viewModel = viewModel;
        this.trustedKeys = trustedKeys;
        this.updates = updates;
        this.i18n = i18n;
    }

    void setConfirmForget(BooleanSupplier confirm) {
        this.confirmForget = confirm;
    }

    public TrustedKeysViewModel trustedKeys() {
        return trustedKeys;
    }

    @Override
    public void onShow() {
        trustedKeys.refresh();
        if (updates.stateProperty().get() == UpdatesViewModel.State.IDLE) {
            updates.check();
        }
    }

    @Override
    public String id() {
        return Page.SETTINGS;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private Node build() {
        VBox content = new VBox(16,
                section("settings.language.title", "settings.language.text", languageChoice()),
                section("settings.theme.title", "settings.theme.text", themeChoice()),
                section("settings.notifications.title", "settings.notifications.text", notificationsSwitch()),
                connectionSection(),
                trustedKeysSection(),
                updatesSection());
        content.getStyleClass().add("settings-content");
        content.setMaxWidth(820);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("settings-page");
        scroll.getStyleClass().add("settings-page");
        scroll.getStylesheets().add(Objects.requireNonNull(SettingsPage.class.getResource("settings.css")).toExternalForm());
        return scroll;
    }

    private Node section(String titleKey, String textKey, Node control) {
        Label title = new Label();
        title.textProperty().bind(i18n.binding(titleKey));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-title");
        Label text = new Label();
        text.textProperty().bind(i18n.binding(textKey));
        text.getStyleClass().addAll(Styles.TEXT_MUTED, "settings-text");
        text.setWrapText(true);
        VBox texts = new VBox(4, title, text);
        HBox.setHgrow(texts, Priority.ALWAYS);
        texts.setMinWidth(0);
        HBox row = new HBox(24, texts, control);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("settings-section");
        return row;
    }

    private Node languageChoice() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton english = choice("language-en", "language.en", group, Styles.LEFT_PILL);
        ToggleButton german = choice("language-de", "language.de", group, Styles.RIGHT_PILL);
        english.setUserData(I18n.ENGLISH);
        german.setUserData(I18n.GERMAN);
        group.selectToggle(viewModel.language().getLanguage().equals("de") ? german : english);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                viewModel.setLanguage((Locale) now.getUserData());
            }
        });
        HBox box = new HBox(english, german);
        box.setId("settings-language");
        box.setMinWidth(HBox.USE_PREF_SIZE);
        return box;
    }

    private Node themeChoice() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton system = choice("theme-system", "settings.theme.system", group, Styles.LEFT_PILL);
        ToggleButton light = choice("theme-light", "settings.theme.light", group, Styles.CENTER_PILL);
        ToggleButton dark = choice("theme-dark", "settings.theme.dark", group, Styles.RIGHT_PILL);
        system.setUserData(ThemeMode.SYSTEM);
        light.setUserData(ThemeMode.LIGHT);
        dark.setUserData(ThemeMode.DARK);
        group.selectToggle(switch (viewModel.themeMode()) {
            case SYSTEM -> system;
            case LIGHT -> light;
            case DARK -> dark;
        });
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                viewModel.setThemeMode((ThemeMode) now.getUserData());
            }
        });
        HBox box = new HBox(system, light, dark);
        box.setId("settings-theme");
        box.setMinWidth(HBox.USE_PREF_SIZE);
        return box;
    }

    private ToggleButton choice(String id, String key, ToggleGroup group, String pill) {
        ToggleButton button = new ToggleButton();
        button.setId(id);
        button.textProperty().bind(i18n.binding(key));
        button.setToggleGroup(group);
        button.getStyleClass().add(pill);
        return button;
    }

    private Node notificationsSwitch() {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId("settings-notifications");
        toggle.setSelected(viewModel.notificationsProperty().get());
        toggle.selectedProperty().addListener((obs, old, now) -> viewModel.setNotifications(now));
        return toggle;
    }

    private Node connectionSection() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("settings.connection.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-title");
        Label factory = line("settings-factory", Material2OutlinedAL.LINK);
        factory.textProperty().bind(viewModel.factoryText());
        Label user = line("settings-user", Material2OutlinedAL.ACCOUNT_CIRCLE);
        user.textProperty().bind(viewModel.signedInText());
        Label token = line("settings-token-storage", Material2OutlinedAL.LOCK);
        token.textProperty().bind(viewModel.tokenStorageText());

        Button signOut = new Button();
        signOut.setId("sign-out");
        signOut.textProperty().bind(i18n.binding("settings.signOut"));
        signOut.setGraphic(new FontIcon(Material2OutlinedAL.EXIT_TO_APP));
        signOut.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        signOut.setOnAction(event -> viewModel.signOut());

        VBox texts = new VBox(6, title, factory, user, token);
        HBox.setHgrow(texts, Priority.ALWAYS);
        texts.setMinWidth(0);
        HBox row = new HBox(24, texts, signOut);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("settings-section");
        row.setId("settings-connection");
        return row;
    }

    private Node trustedKeysSection() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("settings.keys.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-title");
        Label text = new Label();
        text.textProperty().bind(i18n.binding("settings.keys.text"));
        text.getStyleClass().addAll(Styles.TEXT_MUTED, "settings-text");
        text.setWrapText(true);

        VBox keyList = new VBox(10);
        keyList.setId("settings-pinned-keys");
        Runnable fill = () -> {
            keyList.getChildren().clear();
            if (trustedKeys.keys().isEmpty()) {
                Label none = new Label();
                none.setId("settings-no-pinned-key");
                none.textProperty().bind(i18n.binding("settings.keys.none"));
                none.setWrapText(true);
                none.getStyleClass().add("settings-line");
                keyList.getChildren().add(none);
                return;
            }
            for (int i = 0; i < trustedKeys.keys().size(); i++) {
                keyList.getChildren().add(keyRow(i, trustedKeys.keys().get(i)));
            }
        };
        trustedKeys.keys().addListener((ListChangeListener<KeyPinStore.PinnedKey>) change -> fill.run());
        i18n.onSwitch(keyList, fill);
        fill.run();

        Label status = new Label();
        status.setId("settings-keys-status");
        status.setWrapText(true);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, "settings-keys-status");
        status.textProperty().bind(trustedKeys.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());

        Button forget = new Button();
        forget.setId("forget-pinned-keys");
        forget.textProperty().bind(i18n.binding("settings.keys.forget"));
        forget.setGraphic(new FontIcon(Material2OutlinedAL.DELETE));
        forget.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        forget.setMinWidth(Region.USE_PREF_SIZE);
        forget.disableProperty().bind(Bindings.isEmpty(trustedKeys.keys()));
        forget.setOnAction(event -> {
            if (confirmForget.getAsBoolean()) {
                trustedKeys.forget();
            }
        });

        // The fingerprint needs the whole width, so the action sits below the keys rather than beside them.
        VBox row = new VBox(8, title, text, keyList, status, forget);
        row.setMinWidth(0);
        row.getStyleClass().add("settings-section");
        row.setId("settings-trusted-keys");
        return row;
    }

    /** The release manifest's address (empty: the factory's), "Check now", and what the last check found. */
    private Node updatesSection() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("settings.updates.title"));
        title.getStyleClass().addAll(Styles.TITLE_4, "settings-title");
        Label version = new Label();
        version.setId("settings-update-version");
        version.textProperty().bind(updates.currentVersion() == null ? i18n.binding("settings.updates.devBuild")
                : i18n.binding("settings.updates.version", updates.currentVersion()));
        version.getStyleClass().addAll(Styles.TEXT_MUTED, "settings-text");
        TextField url = new TextField();
        url.setId("settings-update-url");
        url.textProperty().bindBidirectional(updates.urlProperty());
        url.promptTextProperty().bind(i18n.binding("settings.updates.prompt", updates.factoryManifest()));
        url.setOnAction(event -> updates.apply());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button check = new Button();
        check.setId("settings-update-check");
        check.textProperty().bind(i18n.binding("settings.updates.check"));
        check.disableProperty().bind(updates.stateProperty().isEqualTo(UpdatesViewModel.State.CHECKING));
        check.setOnAction(event -> updates.apply());
        Label status = new Label();
        status.setId("settings-update-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::updateStatus, updates.stateProperty(),
                updates.releaseProperty(), i18n.localeProperty()));
        VBox row = new VBox(8, title, version, new HBox(8, url, check), status);
        row.getStyleClass().add("settings-section");
        return row;
    }

    private String updateStatus() {
        ReleaseManifest release = updates.releaseProperty().get();
        return switch (updates.stateProperty().get()) {
            case IDLE -> "";
            case CHECKING -> i18n.get("settings.updates.checking");
            case CURRENT -> i18n.get("settings.updates.current", release.version());
            case NEWER -> i18n.get("settings.updates.newer", release.version(), release.download().toString())
                    + (release.notes() == null ? "" : " \u00b7 " + release.notes());
            case UNAVAILABLE -> i18n.get("settings.updates.unavailable");
            case INVALID_URL -> i18n.get("settings.updates.invalidUrl");
        };
    }

    private Node keyRow(int index, KeyPinStore.PinnedKey key) {
        Label kid = line("pinned-kid-" + index, Material2OutlinedAL.FINGERPRINT);
        kid.setText(i18n.get("settings.keys.kid", key.kid()));
        Label fingerprint = new Label(key.fingerprint());
        fingerprint.setId("pinned-fingerprint-" + index);
        fingerprint.setWrapText(true);
        fingerprint.getStyleClass().add("settings-fingerprint");
        Button copy = new Button(null, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId("copy-fingerprint-" + index);
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copy.setTooltip(i18n.tooltip("settings.keys.copy"));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(key.fingerprint());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox fingerprintRow = new HBox(6, fingerprint, copy);
        fingerprintRow.setAlignment(Pos.CENTER_LEFT);
        Label seen = new Label(trustedKeys.firstSeenText(key));
        seen.setId("pinned-first-seen-" + index);
        seen.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(2, kid, fingerprintRow, seen);
        box.getStyleClass().add("settings-pinned-key");
        return box;
    }

    private boolean askForget() {
        Window owner = view != null && view.getScene() != null ? view.getScene().getWindow() : null;
        return new Confirmation(i18n, owner, "settings.keys.forget", i18n.get("settings.keys.confirm.header"),
                i18n.get("settings.keys.confirm.text"), "settings.keys.forget", "settings.keys.confirm.cancel")
                .showAndWait();
    }

    private static Label line(String id, Ikon icon) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(icon));
        label.setWrapText(true);
        label.getStyleClass().add("settings-line");
        return label;
    }
}
