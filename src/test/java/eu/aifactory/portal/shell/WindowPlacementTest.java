package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.settings.Settings.WindowBounds;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1040);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void theRememberedPlaceIsUsedWhenItIsOnAScreen() {
        WindowBounds saved = new WindowBounds(2100, 80, 1400, 900, false);
        assertThat(place(saved, LAPTOP, RIGHT_MONITOR)).isEqualTo(saved);
    }

    @Test
    void aWindowOnAnUnpluggedMonitorComesBackCentredOnThePrimaryScreen() {
        WindowBounds saved = new WindowBounds(2100, 80, 1400, 900, false);
        WindowBounds placed = place(saved, LAPTOP);
        assertThat(placed.x()).isEqualTo((1920 - 1360) / 2.0);
        assertThat(placed.y()).isEqualTo((1040 - 860) / 2.0);
        assertThat(placed.width()).isEqualTo(1360);
    }

    @Test
    void aTitleBarAboveTheScreenOrBarelyVisibleIsNotRestored() {
        assertThat(place(new WindowBounds(300, -200, 1200, 800, false), LAPTOP).y()).isGreaterThanOrEqualTo(0);
        assertThat(place(new WindowBounds(1880, 100, 1200, 800, false), LAPTOP).x()).isLessThan(1880);
    }

    @Test
    void aWindowLargerThanTheScreenShrinksButNotBelowTheMinimum() {
        WindowBounds placed = place(new WindowBounds(0, 0, 3000, 2000, false), new Rectangle2D(0, 0, 1280, 720));
        assertThat(placed.width()).isEqualTo(1280);
        assertThat(placed.height()).isEqualTo(720);
        WindowBounds tiny = place(null, new Rectangle2D(0, 0, 800, 600));
        assertThat(tiny.width()).isEqualTo(PortalWindow.MIN_WIDTH);
        assertThat(tiny.height()).isEqualTo(PortalWindow.MIN_HEIGHT);
    }

    @Test
    void maximizedIsRemembered() {
        assertThat(place(new WindowBounds(10, 10, 1200, 800, true), LAPTOP).maximized()).isTrue();
    }

    @Test
    void nonsenseBoundsAreIgnored() {
        assertThat(place(new WindowBounds(Double.NaN, 0, 1200, 800, false), LAPTOP).x()).isEqualTo((1920 - 1360) / 2.0);
        assertThat(place(new WindowBounds(10, 10, 0, 800, false), LAPTOP).width()).isEqualTo(1360);
    }

    private static WindowBounds place(WindowBounds saved, Rectangle2D... screens) {
        return WindowPlacement.place(saved, List.of(screens), PortalWindow.MIN_WIDTH, PortalWindow.MIN_HEIGHT,
                PortalWindow.PREFERRED_WIDTH, PortalWindow.PREFERRED_HEIGHT);
    }
}
