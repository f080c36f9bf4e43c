package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSlotViewModelTest {

    private static final Me.Project INSPECTION = new Me.Project("p-inspection", "Line 3 inspection");
    private static final Me.Project MAINTENANCE = new Me.Project("p-maint", "Maintenance");

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private SubmitFormViewModel form;
    private InputSlotViewModel images;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Me me = new Me(new Me.User("u-anna", "Anna Schmidt", "anna@example.com"), new Me.Tenant("t-1", "Bergmann"),
                List.of(Role.ENGINEER), List.of(INSPECTION, MAINTENANCE));
        client.fake.me(me).apps(List.of(Samples.app())).plans(Samples.plans())
                .onEstimate(request -> Samples.estimate("12.40"))
                .onSubmit(submission -> Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0))
                .datasets(List.of(dataset("ds-1", "p-inspection", "line3.zip"), dataset("ds-2", "p-maint", "pumps.csv")));
        form = new SubmitFormViewModel(client, executor, i18n, me, Samples.app(), Samples.version(), () -> "key");
        images = form.inputSlot("images");
    }

    private static Dataset dataset(String id, String project, String name) {
        return new Dataset(id, project, name, "application/octet-stream", 1_234_567, "0".repeat(64), "muc-tucherpark",
                "Munich (Tucherpark), DE", Instant.parse("2026-11-20T10:00:00Z"));
    }

    private Path file(int size) throws IOException {
        return Files.write(dir.resolve("station 4 images.zip"), new byte[size]);
    }

    @Test
    void eachSlotListsTheDatasetsOfTheChosenProject() {
        form.start();
        assertThat(images.datasets()).extracting(Dataset::id).containsExactly("ds-1");

        form.projectProperty().set(MAINTENANCE);
        assertThat(images.datasets()).extracting(Dataset::id).containsExactly("ds-2");
    }

    @Test
    void aChosenDatasetIsSentAsTheSlotsInput() {
        form.start();
        images.selectedProperty().set(images.datasets().get(0));
        form.field("lineId").textProperty().set("L03");

        form.submit();

        assertThat(client.submissions.get(0).inputs()).isEqualTo(Map.of("images", "ds-1"));
    }

    @Test
    void switchingProjectDropsADatasetOfTheOldProject() {
        form.start();
        images.selectedProperty().set(images.datasets().get(0));

        form.projectProperty().set(MAINTENANCE);

        assertThat(images.selectedProperty().get()).isNull();
        assertThat(form.inputs()).isEmpty();
    }

    @Test
    void anUploadedFileBecomesTheSelectedDatasetOfTheFormsProject() throws IOException {
        form.start();
        Path file = file(4096);

        images.upload(file);

        Dataset uploaded = images.selectedProperty().get();
        assertThat(uploaded.name()).isEqualTo("station 4 images.zip");
        assertThat(uploaded.projectId()).isEqualTo("p-inspection");
        assertThat(images.datasets().get(0)).isEqualTo(uploaded);
        assertThat(images.progressProperty().get()).isEqualTo(1.0);
        assertThat(images.uploadingProperty().get()).isFalse();
        assertThat(form.inputs()).containsEntry("images", uploaded.id());
    }

    @Test
    void progressIsShownWhileTheFileGoesUpAndReaches100Percent() throws IOException {
        form.start();
        Path file = file(1000);
        List<Double> seen = new ArrayList<>();
        client.fake.onUpload((project, f, progress) -> {
            for (long sent : new long[] {0, 250, 500, 1000}) {
                progress.accept(sent);
                executor.runDelayed();
                seen.add(images.progressProperty().get());
            }
            return dataset("ds-9", project, "station 4 images.zip");
        });

        images.upload(file);

        assertThat(seen).containsExactly(0.0, 0.25, 0.5, 1.0);
        assertThat(images.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void cancellingStopsTheUploadAndSelectsNothing() throws IOException {
        form.start();
        executor.holdWork();
        images.upload(file(1000));
        assertThat(images.uploadingProperty().get()).isTrue();
        assertThat(images.uploadNameProperty().get()).isEqualTo("station 4 images.zip");

        images.cancelUpload();
        executor.runHeldWork();

        assertThat(images.uploadingProperty().get()).isFalse();
        assertThat(images.selectedProperty().get()).isNull();
        assertThat(client.fake.callCount("uploadDataset")).as("the cancelled call never ran").isZero();
        assertThat(images.errorProperty().get()).isNull();
    }

    @Test
    void submittingWhileAFileIsStillUploadingSendsNothing() throws IOException {
        form.start();
        form.field("lineId").textProperty().set("L03");
        executor.holdWork();
        images.upload(file(1000));

        form.submit();

        assertThat(client.submissions).isEmpty();
        assertThat(images.errorProperty().get()).isEqualTo("Wait until the upload has finished, or cancel it.");
    }

    @Test
    void aRefusedUploadShowsTheFactorysReason() throws IOException {
        form.start();
        client.fake.onUpload((project, f, progress) -> {
            throw new ApiException(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), "Request body too large", 413,
                    "A dataset may have at most 2 GiB.", "/v1/datasets", List.of()));
        });

        images.upload(file(10));

        assertThat(images.errorProperty().get()).isEqualTo("The factory did not take the file: A dataset may have at most 2 GiB.");
        assertThat(images.selectedProperty().get()).isNull();
    }

    @Test
    void anUnreachableFactoryDuringUploadSaysToTryAgain() throws IOException {
        form.start();
        client.fake.onUpload((project, f, progress) -> {
            throw new FactoryUnreachableException("down", null);
        });

        images.upload(file(10));

        assertThat(images.errorProperty().get()).contains("Try again");
    }

    @Test
    void aClonedInputIsSelectedWhenListedAndOtherwiseCarriedOver() {
        form.prefill(Samples.workload("wl-7", WorkloadStatus.SUCCEEDED, "u-anna", Samples.T0));
        assertThat(images.carriedIdProperty().get()).isEqualTo("ds-42");
        assertThat(form.inputs()).containsEntry("images", "ds-42");

        client.fake.datasets(List.of(dataset("ds-42", "p-inspection", "old.zip")));
        form.start();

        assertThat(images.selectedProperty().get().id()).isEqualTo("ds-42");
        assertThat(images.carriedIdProperty().get()).isNull();
    }

    @Test
    void theFactorysVerdictOnAnInputAppearsAtItsSlot() {
        form.field("lineId").textProperty().set("L03");
        images.selectedProperty().set(dataset("ds-1", "p-inspection", "line3.zip"));
        client.failSubmits(1, () -> new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400,
                "invalid", "/v1/workloads", List.of(new Problem.FieldError("inputs.images", "unknown artifact or dataset")))));

        form.submit();

        assertThat(images.errorProperty().get()).isEqualTo("unknown artifact or dataset");
        assertThat(form.messageProperty().get()).isEqualTo(i18n.get("workloads.submit.serverFieldErrors"));
    }

    @Test
    void aFileOfAnotherTypeIsNotUploadedAndTheSlotSaysWhatItReads() throws IOException {
        form.start();
        Path csv = Files.write(dir.resolve("pumps.csv"), new byte[100]);

        images.upload(csv);

        assertThat(client.fake.calls()).doesNotContain("uploadDataset");
        assertThat(images.uploadingProperty().get()).isFalse();
        assertThat(images.errorProperty().get()).isEqualTo("pumps.csv is not a file this input reads (PNG, JPEG, TIFF, ZIP).");
        assertThat(images.title()).isEqualTo("Part images");
    }
}
