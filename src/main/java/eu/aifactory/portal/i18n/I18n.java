package eu.aifactory.portal.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * The user's language and the texts in it. Switching the language in Settings re-labels the open window without a
 * restart, and nothing that follows the language outlives its view:
 * <ul>
 *   <li>{@link #binding} and {@link #text} give texts that follow the switch; the language observes them weakly, so
 *       they live exactly as long as the property bound to them;</li>
 *   <li>{@link #onSwitch(Node, Runnable)} re-renders a view after a switch for as long as the view is reachable;</li>
 *   <li>{@link #follow(Runnable)} does the same for a view model, which keeps the returned {@link Follower}.</li>
 * </ul>
 * Nothing else adds listeners to {@link #localeProperty()}: a strong listener on this app-wide property would keep a
 * closed dialog, or a signed-out session's pages, in memory for as long as the portal runs.
 */
public final class I18n {

    public static final String BUNDLE = "eu.aifactory.portal.messages";
    public static final Locale GERMAN = Locale.GERMANY;
    public static final Locale ENGLISH = Locale.UK;
    /** Where a node keeps its language listeners, see {@link #onSwitch}. */
    private static final String FOLLOWERS = I18n.class.getName() + ".followers";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** German for a German-speaking system, English otherwise. */
    public static Locale supported(Locale requested) {
        return "de".equals(requested.getLanguage()) ? GERMAN : ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean isGerman() {
        return "de".equals(locale().getLanguage());
    }

    /** Whether the bundles have a text for {@code key}: for keys built from the factory's names. */
    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    /** The text for {@code key} with MessageFormat {@code args} in the current language. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** A text that follows language changes. */
    public StringBinding binding(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A text computed by {@code text} that follows language changes and changes of {@code dependencies}. */
    public StringBinding text(Callable<String> text, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = locale;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(text, all);
    }

    /**
     * Shows {@code text} in a list or table cell, following the language until the cell's next update; a null
     * {@code text} empties the cell. Called from {@code updateItem}, so the cell's text is never bound to a stale item.
     */
    public void cellText(Labeled cell, Callable<String> text) {
        cell.textProperty().unbind();
        if (text == null) {
            cell.setText(null);
        } else {
            cell.textProperty().bind(text(text));
        }
    }

    /** A label whose text follows the language. */
    public Label label(String key, Object... args) {
        Label label = new Label();
        label.textProperty().bind(binding(key, args));
        return label;
    }

    /** A button whose text follows the language. */
    public Button button(String key, Object... args) {
        Button button = new Button();
        button.textProperty().bind(binding(key, args));
        return button;
    }

    /** A tooltip whose text follows the language. */
    public Tooltip tooltip(String key, Object... args) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(binding(key, args));
        return tooltip;
    }

    /**
     * Runs {@code action} after every language switch for as long as {@code owner} is reachable: the owner keeps the
     * listener, the language holds it only weakly, so a closed view takes its listener with it.
     */
    public void onSwitch(Node owner, Runnable action) {
        Follower follower = follow(action);
        @SuppressWarnings("unchecked")
        List<Follower> kept = (List<Follower>) owner.getProperties().computeIfAbsent(FOLLOWERS, k -> new ArrayList<>());
        kept.add(follower);
    }

    /**
     * Runs {@code action} after every language switch for as long as the returned follower is reachable. The caller
     * keeps it in a field of the object the action belongs to; dropped, it stops following.
     */
    public Follower follow(Runnable action) {
        Follower follower = new Follower(action);
        locale.addListener(new WeakChangeListener<>(follower.listener));
        return follower;
    }

    /** A language listener held strongly only by its owner. */
    public static final class Follower {
        private final ChangeListener<Locale> listener;

        private Follower(Runnable action) {
            Objects.requireNonNull(action, "action");
            listener = (obs, old, now) -> action.run();
        }
    }

    /**
     * The bundle of the current language, loaded on first use after a switch. Bindings re-read texts while the
     * locale property notifies its listeners, before a change listener could have swapped the bundle.
     */
    private ResourceBundle bundle() {
        Locale current = locale.get();
        if (bundle == null || !current.equals(bundleLocale)) {
            bundle = load(current);
            bundleLocale = current;
        }
        return bundle;
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
