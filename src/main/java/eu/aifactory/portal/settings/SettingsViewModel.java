package eu.aifactory.portal.settings;

import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.theme.ThemeManager;
import eu.aifactory.portal.theme.ThemeMode;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** The Settings page: language and theme apply at once and are remembered; the connection can be ended here. */
public final class SettingsViewModel {

    private final SettingsService settings;
    private final I18n i18n;
    private final ThemeManager theme;
    private final Session session;
    private final Supplier<SecretStore.Kind> secretStoreKind;
    private final Runnable signOut;
    private final ReadOnlyBooleanWrapper notifications = new ReadOnlyBooleanWrapper(this, "notifications");

    public SettingsViewModel(SettingsService settings, I18n i18n, ThemeManager theme, Session session,
                             Supplier<SecretStore.Kind> secretStoreKind, Runnable signOut) {
        this.settings = settings;
        this.i18n = i18n;
        this.theme = theme;
        this.session = session;
        this.secretStoreKind = secretStoreKind;
        this.signOut = signOut;
        notifications.set(settings.get().notifications());
    }

    public Locale language() {
        return i18n.locale();
    }

    public void setLanguage(Locale locale) {
        i18n.localeProperty().set(I18n.supported(locale));
        settings.update(s -> s.withLanguage(i18n.locale().getLanguage()));
    }

    public ThemeMode themeMode() {
        return theme.modeProperty().get();
    }

    public void setThemeMode(ThemeMode mode) {
        theme.modeProperty().set(mode);
        settings.update(s -> s.withTheme(mode));
    }

    public ReadOnlyBooleanProperty notificationsProperty() {
        return notifications.getReadOnlyProperty();
    }

    public void setNotifications(boolean enabled) {
        notifications.set(enabled);
        settings.update(s -> s.withNotifications(enabled));
    }

    /** "Embedded demo factory at http://127.0.0.1:41234" or "Factory at https://…". */
    public StringBinding factoryText() {
        return Bindings.createStringBinding(() -> session.demo()
                ? i18n.get("connection.factory.demo", session.factoryUrl())
                : i18n.get("connection.factory.remote", session.factoryUrl()), i18n.localeProperty());
    }

    /** "Signed in as Anna Schmidt (Bergmann Maschinenbau GmbH)". */
    public StringBinding signedInText() {
        return i18n.binding("settings.connection.user", session.me().user().name(), session.me().tenant().name());
    }

    /**
     * Where the token is kept, or that a demo session keeps none. The store is only asked for a real factory's
     * session, when the token has been read or written already and the answer is known without blocking.
     */
    public StringBinding tokenStorageText() {
        if (session.demo()) {
            return i18n.binding("settings.connection.token.demo");
        }
        return i18n.binding(secretStoreKind.get() == SecretStore.Kind.KEYRING
                ? "settings.connection.token.keyring" : "settings.connection.token.file");
    }

    public void signOut() {
        signOut.run();
    }
}
