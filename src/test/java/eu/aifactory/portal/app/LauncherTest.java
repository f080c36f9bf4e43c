package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void withoutAnyDisplayOnLinuxTheLauncherSaysSoInOneSentenceAndPointsToServe() {
        String message = Launcher.missingDisplay(Map.of("HOME", "/home/anna"), "Linux", null);

        assertThat(message).startsWith("The portal needs a graphical display").contains("DISPLAY")
                .contains("tenant-portal serve").doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void anX11OrWaylandDisplayOrAHeadlessPlatformLetsThePortalTry() {
        assertThat(Launcher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null)).isNull();
        assertThat(Launcher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null)).isNull();
        assertThat(Launcher.missingDisplay(Map.of(), "Linux", "Monocle")).isNull();
    }

    @Test
    void windowsAndMacNeedNoDisplayVariable() {
        assertThat(Launcher.missingDisplay(Map.of(), "Windows 11", null)).isNull();
        assertThat(Launcher.missingDisplay(Map.of(), "Mac OS X", null)).isNull();
    }
}
