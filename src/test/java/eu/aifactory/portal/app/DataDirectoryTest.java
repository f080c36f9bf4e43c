package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void followsEachOperatingSystemsConvention() {
        assertThat(DataDirectory.resolve(null, "Linux", "/home/anna", Map.of()))
                .isEqualTo(Path.of("/home/anna/.local/share/ai-factory-portal"));
        assertThat(DataDirectory.resolve(null, "Linux", "/home/anna", Map.of("XDG_DATA_HOME", "/data")))
                .isEqualTo(Path.of("/data/ai-factory-portal"));
        assertThat(DataDirectory.resolve(null, "Mac OS X", "/Users/anna", Map.of()))
                .isEqualTo(Path.of("/Users/anna/Library/Application Support/AI Factory Portal"));
        assertThat(DataDirectory.resolve(null, "Windows 11", "C:/Users/anna", Map.of("APPDATA", "/appdata")))
                .isEqualTo(Path.of("/appdata", "AI Factory Portal"));
    }

    @Test
    void theSystemPropertyWins() {
        assertThat(DataDirectory.resolve("/tmp/portal-test", "Linux", "/home/anna", Map.of()))
                .isEqualTo(Path.of("/tmp/portal-test"));
    }
}
