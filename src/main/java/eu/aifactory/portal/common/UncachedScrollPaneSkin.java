package eu.aifactory.portal.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * JavaFX's scroll pane skin caches its viewport as a bitmap ({@code viewport.setCache(true)}). Scrolling moves the
 * content inside the viewport, which invalidates that bitmap anyway, so it saves no drawing; it blurs text on
 * fractional display scales, and each page's bitmap stays in memory while the page is kept (in the Java heap with
 * software rendering: a few MB per page). Every scroll pane of the portal gets this skin through {@code app.css}.
 */
public final class UncachedScrollPaneSkin extends ScrollPaneSkin {

    public UncachedScrollPaneSkin(ScrollPane pane) {
        super(pane);
        Node viewport = pane.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
