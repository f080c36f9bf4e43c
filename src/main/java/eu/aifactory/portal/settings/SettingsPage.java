package eu.aifactory.portal.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.theme.ThemeMode;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The Settings page: language, theme, notifications and the factory connection with "Sign out". */
public final class SettingsPage implements Page {

    private final SettingsViewModel viewModel;
    private final I18n i18n;
    private Node view;

    public SettingsPage(SettingsViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
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
                connectionSection());
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

    private static Label line(String id, Ikon icon) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(icon));
        label.setWrapText(true);
        label.getStyleClass().add("settings-line");
        return label;
    }
}
