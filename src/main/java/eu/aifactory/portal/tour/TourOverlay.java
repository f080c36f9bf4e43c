package eu.aifactory.portal.tour;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The layer the tour draws on over the shell: a translucent frame around the node a step is about and the callout
 * beside it. Only the callout takes input; the page underneath stays usable, so the visitor does each step on the
 * real page.
 */
final class TourOverlay extends Pane {

    static final String STYLESHEET = Objects.requireNonNull(TourOverlay.class.getResource("tour.css")).toExternalForm();
    private static final double GAP = 18;
    private static final double PAD = 8;

    private final Rectangle highlight = new Rectangle();

    TourOverlay() {
        setId("tour-overlay");
        getStyleClass().add("tour-overlay");
        getStylesheets().add(STYLESHEET);
        setPickOnBounds(false);
        setManaged(false);
        highlight.setId("tour-highlight");
        highlight.getStyleClass().add("tour-highlight");
        highlight.setMouseTransparent(true);
        highlight.setArcWidth(16);
        highlight.setArcHeight(16);
        highlight.setVisible(false);
        getChildren().add(highlight);
    }

    /**
     * Frames {@code target} (null: none) and puts {@code callout} beside it, or in the middle without a target.
     *
     * @param farSide put the callout below the target at the right edge, where it covers the least of a page whose
     *                content starts at the left (the workload detail), instead of right beside it
     */
    void place(Region callout, Node target, boolean farSide) {
        if (callout.getParent() != this) {
            return;
        }
        callout.autosize();
        double w = callout.getWidth();
        double h = callout.getHeight();
        Bounds frame = target == null || target.getScene() != getScene() || !target.isVisible()
                ? null : sceneToLocal(target.localToScene(target.getLayoutBounds()));
        highlight.setVisible(frame != null);
        if (frame == null) {
            callout.relocate(clamp((getWidth() - w) / 2, w, getWidth()), clamp((getHeight() - h) / 2, h, getHeight()));
            return;
        }
        highlight.setX(frame.getMinX() - PAD);
        highlight.setY(frame.getMinY() - PAD);
        highlight.setWidth(frame.getWidth() + 2 * PAD);
        highlight.setHeight(frame.getHeight() + 2 * PAD);
        List<Point2D> candidates = List.of(
                farSide ? new Point2D(getWidth() - w - GAP, frame.getMaxY() + GAP)
                        : new Point2D(frame.getMaxX() + GAP, frame.getMinY()),
                new Point2D(frame.getMinX(), frame.getMaxY() + GAP),
                new Point2D(frame.getMinX(), frame.getMinY() - GAP - h),
                new Point2D(frame.getMinX() - GAP - w, frame.getMinY()));
        Point2D at = candidates.stream()
                .filter(p -> p.getX() >= 0 && p.getY() >= 0 && p.getX() + w <= getWidth() && p.getY() + h <= getHeight())
                .findFirst()
                // A target as big as the page (the catalog grid): the callout sits over its lower right corner.
                .orElse(new Point2D(frame.getMaxX() - w - GAP, frame.getMaxY() - h - GAP));
        callout.relocate(clamp(at.getX(), w, getWidth()), clamp(at.getY(), h, getHeight()));
    }

    private static double clamp(double at, double size, double room) {
        return Math.max(GAP, Math.min(at, room - size - GAP));
    }
}
