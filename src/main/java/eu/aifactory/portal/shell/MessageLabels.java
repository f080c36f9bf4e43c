package eu.aifactory.portal.shell;

import eu.aifactory.portal.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/** Labels that show a {@link Message} in the current language and disappear while there is none. */
final class MessageLabels {

    private MessageLabels() {
    }

    static Label of(String id, ObservableValue<Message> message, I18n i18n, String... styleClasses) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(styleClasses);
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            Message value = message.getValue();
            return value == null ? "" : i18n.get(value.key(), value.argArray());
        }, message, i18n.localeProperty()));
        label.visibleProperty().bind(message.map(value -> true).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
