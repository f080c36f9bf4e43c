package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.workloads.submit.PresetStore;
import eu.aifactory.portal.workloads.submit.PresetsViewModel;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import eu.aifactory.portal.workloads.submit.SubmitPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named submit presets: the per-user, per-factory file and the form's preset chooser. */
class PresetsTest {

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private SubmitFormViewModel form;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        client.fake.apps(List.of(Samples.app())).plans(Samples.plans())
                .onEstimate(request -> Samples.estimate("12.40"))
                .onSubmit(submission -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0));
        form = new SubmitFormViewModel(client, executor, i18n, client.fake.me(), Samples.app(), Samples.version(),
                () -> "key");
    }

    private static SubmitPreset preset(String name, String threshold) {
        return new SubmitPreset(name, "p-inspection", "b200-x1", Priority.HIGH,
                Map.of("threshold", new java.math.BigDecimal(threshold), "lineId", "L07"), Map.of("images", "ds-1"));
    }

    // ---- the store

    @Test
    void presetsSurviveARestartAndStayWithTheirUserFactoryAndApplication() {
        PresetStore anna = new PresetStore(dir, "demo", "u-anna");
        anna.save("app-a", preset("night shift", "0.7"));
        anna.save("app-a", preset("Day shift", "0.6"));
        anna.save("app-b", preset("other app", "0.5"));

        PresetStore again = new PresetStore(dir, "demo", "u-anna");
        assertThat(again.list("app-a")).extracting(SubmitPreset::name).containsExactly("Day shift", "night shift");
        assertThat(again.list("app-a").get(1).parameters()).containsEntry("lineId", "L07");
        assertThat(again.list("app-a").get(1).inputs()).containsEntry("images", "ds-1");
        assertThat(again.list("app-b")).hasSize(1);
        assertThat(new PresetStore(dir, "demo", "u-ben").list("app-a")).isEmpty();
        assertThat(new PresetStore(dir, "factory.example_443", "u-anna").list("app-a")).isEmpty();
        assertThat(anna.file()).isEqualTo(dir.resolve("demo").resolve("u-anna.json"));
    }

    @Test
    void savingUnderAnExistingNameReplacesItAndDeleteRemovesIt() {
        PresetStore store = new PresetStore(dir, "demo", "u-anna");
        store.save("app-a", preset("night shift", "0.7"));
        store.save("app-a", preset("night shift", "0.9"));

        assertThat(store.list("app-a")).hasSize(1);
        assertThat(new PresetStore(dir, "demo", "u-anna").list("app-a").get(0).parameters().get("threshold").toString())
                .isEqualTo("0.9");
        store.delete("app-a", "night shift");
        assertThat(new PresetStore(dir, "demo", "u-anna").list("app-a")).isEmpty();
    }

    @Test
    void writesLeaveNoTemporaryFilesAndAnUnreadableFileIsStartedAfresh() throws IOException {
        PresetStore store = new PresetStore(dir, "demo", "u-anna");
        store.save("app-a", preset("a", "0.7"));
        try (Stream<Path> files = Files.list(dir.resolve("demo"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("u-anna.json");
        }
        Files.writeString(store.file(), "{ not json");

        PresetStore broken = new PresetStore(dir, "demo", "u-anna");
        assertThat(broken.list("app-a")).isEmpty();
        broken.save("app-a", preset("b", "0.5"));
        assertThat(new PresetStore(dir, "demo", "u-anna").list("app-a")).extracting(SubmitPreset::name).containsExactly("b");
    }

    @Test
    void withoutADirectoryPresetsLiveInMemory() {
        PresetStore memory = new PresetStore(null, "demo", "u-anna");
        memory.save("app-a", preset("a", "0.7"));
        assertThat(memory.list("app-a")).hasSize(1);
        assertThat(memory.file()).isNull();
    }

    // ---- the form's presets

    @Test
    void savingTheFormAndApplyingThePresetLaterRestoresItsValues() {
        PresetsViewModel presets = new PresetsViewModel(form, new PresetStore(dir, "demo", "u-anna"), executor, i18n);
        presets.load();
        form.field("threshold").textProperty().set("0.8");
        form.field("lineId").textProperty().set("L05");
        form.planProperty().set("b200-x1");
        form.priorityProperty().set(Priority.HIGH);

        assertThat(presets.saveAs("  Line 5 rush  ")).isTrue();

        assertThat(presets.presets()).extracting(SubmitPreset::name).containsExactly("Line 5 rush");
        assertThat(presets.messageProperty().get()).isEqualTo("Saved as “Line 5 rush”.");

        SubmitFormViewModel fresh = new SubmitFormViewModel(client, executor, i18n, client.fake.me(), Samples.app(),
                Samples.version(), () -> "key2");
        PresetsViewModel later = new PresetsViewModel(fresh, new PresetStore(dir, "demo", "u-anna"), executor, i18n);
        later.load();
        later.apply(later.presets().get(0));

        assertThat(fresh.field("threshold").textProperty().get()).isEqualTo("0.8");
        assertThat(fresh.field("lineId").textProperty().get()).isEqualTo("L05");
        assertThat(fresh.planProperty().get()).isEqualTo("b200-x1");
        assertThat(fresh.priorityProperty().get()).isEqualTo(Priority.HIGH);
        assertThat(later.selectedProperty().get().name()).isEqualTo("Line 5 rush");
    }

    @Test
    void aPresetOfAnOlderVersionSkipsWhatTheFormNoLongerKnows() {
        form.field("lineId").textProperty().set("L09");
        PresetsViewModel presets = new PresetsViewModel(form, new PresetStore(null, "demo", "u-anna"), executor, i18n);

        presets.apply(new SubmitPreset("old", "p-gone", "plan-gone", null, Map.of("removedParameter", 3), Map.of()));

        assertThat(form.planProperty().get()).isNotEqualTo("plan-gone");
        assertThat(form.projectProperty().get().id()).isEqualTo("p-inspection");
        assertThat(form.field("lineId").textProperty().get()).as("back to its default").isNotEqualTo("L09");
        assertThat(form.submission().parameters()).doesNotContainKey("removedParameter");
    }

    @Test
    void deletingTheSelectedPresetRemovesItAndABlankNameIsRefused() {
        PresetsViewModel presets = new PresetsViewModel(form, new PresetStore(dir, "demo", "u-anna"), executor, i18n);
        assertThat(presets.saveAs("   ")).isFalse();
        assertThat(presets.messageProperty().get()).isEqualTo("Give the preset a name of 1 to 80 characters.");
        presets.saveAs("keep");
        presets.saveAs("drop");

        presets.deleteSelected();

        assertThat(presets.presets()).extracting(SubmitPreset::name).containsExactly("keep");
        assertThat(presets.selectedProperty().get()).isNull();
        assertThat(new PresetStore(dir, "demo", "u-anna").list(Samples.app().summary().id()))
                .extracting(SubmitPreset::name).containsExactly("keep");
    }

    @Test
    void aStoreThatCannotWriteSaysSo() throws IOException {
        Path blocked = Files.writeString(dir.resolve("not-a-directory"), "x");
        PresetsViewModel presets = new PresetsViewModel(form, new PresetStore(blocked, "demo", "u-anna"), executor, i18n);

        presets.saveAs("x");

        assertThat(presets.messageProperty().get()).isEqualTo("The presets could not be read or saved.");
    }
}
