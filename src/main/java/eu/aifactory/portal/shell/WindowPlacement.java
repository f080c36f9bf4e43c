package eu.aifactory.portal.shell;

import eu.aifactory.portal.settings.Settings.WindowBounds;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the remembered bounds if enough of the title bar still lies on a screen (a monitor
 * may have been unplugged since), otherwise centred on the primary screen.
 */
public final class WindowPlacement {

    /** How much of the window's top edge must be on a screen for the user to grab and move it. */
    static final double MIN_VISIBLE_WIDTH = 120;
    static final double TITLE_BAR_HEIGHT = 32;

    private WindowPlacement() {
    }

    /**
     * @param saved   the remembered bounds, or null
     * @param screens the visual bounds of the current screens, primary first
     */
    public static WindowBounds place(WindowBounds saved, List<Rectangle2D> screens, double minWidth, double minHeight,
                                     double preferredWidth, double preferredHeight) {
        Rectangle2D primary = screens.get(0);
        if (saved != null) {
            Optional<WindowBounds> restored = restore(saved, screens, minWidth, minHeight);
            if (restored.isPresent()) {
                return restored.get();
            }
        }
        double width = Math.max(minWidth, Math.min(preferredWidth, primary.getWidth()));
        double height = Math.max(minHeight, Math.min(preferredHeight, primary.getHeight()));
        double x = primary.getMinX() + Math.max(0, (primary.getWidth() - width) / 2);
        double y = primary.getMinY() + Math.max(0, (primary.getHeight() - height) / 2);
        return new WindowBounds(x, y, width, height, saved != null && saved.maximized());
    }

    private static Optional<WindowBounds> restore(WindowBounds saved, List<Rectangle2D> screens, double minWidth, double minHeight) {
        if (!(saved.width() > 0 && saved.height() > 0) || Double.isNaN(saved.x()) || Double.isNaN(saved.y())) {
            return Optional.empty();
        }
        Rectangle2D titleBar = new Rectangle2D(saved.x(), saved.y(), saved.width(), TITLE_BAR_HEIGHT);
        for (Rectangle2D screen : screens) {
            if (!screen.intersects(titleBar)) {
                continue;
            }
            double visibleWidth = Math.min(titleBar.getMaxX(), screen.getMaxX()) - Math.max(titleBar.getMinX(), screen.getMinX());
            if (visibleWidth >= MIN_VISIBLE_WIDTH && saved.y() >= screen.getMinY()) {
                // Shrink to the screen if it has become smaller, but never below the minimum size.
                double width = Math.max(minWidth, Math.min(saved.width(), screen.getWidth()));
                double height = Math.max(minHeight, Math.min(saved.height(), screen.getHeight()));
                return Optional.of(new WindowBounds(saved.x(), saved.y(), width, height, saved.maximized()));
            }
        }
        return Optional.empty();
    }
}
