package eu.aifactory.portal.common;

import atlantafx.base.theme.Styles;
import eu.aifactory.portal.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * The text a table shows while it has no rows: "loading" until the factory answered, the page's own "nothing
 * here" only after an empty answer, and the failure when there was none.
 */
public final class StatePlaceholder {

    private StatePlaceholder() {
    }

    /**
     * A placeholder label following {@code state}; {@code emptyKey} is the page's "nothing here" text, {@code error}
     * the page's description of its last failure (may be null; a general text is used then).
     */
    public static Label of(I18n i18n, ObservableValue<LoadState> state, String emptyKey, ObservableValue<String> error) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> text(i18n, state.getValue(), emptyKey, error.getValue()), state, error, i18n.localeProperty()));
        state.addListener((obs, old, now) -> style(label, now));
        style(label, state.getValue());
        return label;
    }

    static String text(I18n i18n, LoadState state, String emptyKey, String error) {
        return switch (state == null ? LoadState.LOADING : state) {
            case LOADING -> i18n.get("state.loading");
            case READY, EMPTY -> i18n.get(emptyKey);
            case OFFLINE -> i18n.get("state.offline");
            case ERROR -> error == null || error.isBlank() ? i18n.get("state.error") : error;
        };
    }

    private static void style(Label label, LoadState state) {
        label.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER, Styles.WARNING);
        label.getStyleClass().add(state == LoadState.ERROR ? Styles.DANGER
                : state == LoadState.OFFLINE ? Styles.WARNING : Styles.TEXT_MUTED);
    }
}
