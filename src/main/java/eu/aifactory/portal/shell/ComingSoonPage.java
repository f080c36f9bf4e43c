package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.i18n.I18n;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a navigation entry shows until its feature is built: the entry's icon, its name and a short note. */
final class ComingSoonPage implements Page {

    private final Destination destination;
    private final I18n i18n;
    private final String textKey;
    private Node view;

    ComingSoonPage(Destination destination, I18n i18n) {
        this(destination, i18n, "page.comingSoon.text");
    }

    /** @param textKey the note under the title: "coming soon", or "could not be opened" for a failed page */
    ComingSoonPage(Destination destination, I18n i18n, String textKey) {
        this.destination = destination;
        this.i18n = i18n;
        this.textKey = textKey;
    }

    @Override
    public String id() {
        return destination.pageId();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private Node build() {
        FontIcon icon = new FontIcon(destination.icon());
        icon.getStyleClass().add("coming-soon-icon");
        StackPane badge = new StackPane(icon);
        badge.getStyleClass().add("coming-soon-badge");

        Label title = new Label();
        title.textProperty().bind(i18n.binding(destination.labelKey()));
        title.getStyleClass().addAll("title-2", "coming-soon-title");

        Label text = new Label();
        text.textProperty().bind(i18n.binding(textKey));
        text.getStyleClass().add("coming-soon-text");
        text.setWrapText(true);

        VBox box = new VBox(16, badge, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        box.getStyleClass().add("coming-soon");
        box.setId("coming-soon-" + destination.pageId());
        StackPane root = new StackPane(box);
        root.getStyleClass().add("coming-soon-page");
        return root;
    }
}
