package eu.aifactory.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.settings.Settings.WindowBounds;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.theme.ThemeMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void everySettingSurvivesARoundTrip() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings settings = new Settings("https://factory.example.eu", null, "de", ThemeMode.DARK,
                new WindowBounds(40, 60, 1300, 820, true), false, "https://downloads.factory.example.eu/portal-release",
                "/home/anna/Berichte");

        store.save(settings);

        assertThat(new SettingsStore(dir.resolve("settings.json")).load()).isEqualTo(settings);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new SettingsStore(dir.resolve("nothing.json")).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void aCorruptFileGivesTheDefaultsInsteadOfFailing() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"language\": \"de\", ", StandardCharsets.UTF_8);
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"language\":\"de\",\"theme\":\"LIGHT\",\"futureOption\":42,\"notifications\":true}");
        Settings loaded = new SettingsStore(file).load();
        assertThat(loaded.language()).isEqualTo("de");
        assertThat(loaded.theme()).isEqualTo(ThemeMode.LIGHT);
    }

    @Test
    void theServiceWritesEachChangeAndKeepsTheNewest() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        DirectTaskExecutor executor = new DirectTaskExecutor();
        SettingsService service = new SettingsService(store, Settings.defaults(), executor);
        executor.holdWork();

        service.update(s -> s.withLanguage("de"));
        service.update(s -> s.withTheme(ThemeMode.DARK));
        assertThat(service.get().language()).isEqualTo("de");
        assertThat(service.get().theme()).isEqualTo(ThemeMode.DARK);
        assertThat(Files.exists(store.file())).as("written in the background, not on the UI thread").isFalse();

        executor.runHeldWork();
        assertThat(store.load()).isEqualTo(service.get());
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.defaults());
        store.save(Settings.defaults().withLanguage("en"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }
}
