package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.LogLine;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadDetailViewModelTest {

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<Throwable> contacts = new ArrayList<>();
    private final AtomicInteger keys = new AtomicInteger();

    private WorkloadDetailViewModel open(WorkloadStatus status) {
        Workload workload = Samples.workload("wl-1", status, "u-anna", Samples.T0);
        client.fake.workloads(List.of(workload));
        WorkloadDetailViewModel detail = new WorkloadDetailViewModel(client, executor, workload, contacts::add,
                () -> "rerun-" + keys.incrementAndGet());
        detail.start();
        return detail;
    }

    @Test
    void theRunsApplicationVersionIsFetchedForNamesLabelsAndUnits() {
        client.fake.apps(List.of(Samples.app()));

        WorkloadDetailViewModel detail = open(WorkloadStatus.SUCCEEDED);

        assertThat(detail.appProperty().get().summary().name().de()).isEqualTo("Sichtprüfung");
        assertThat(detail.appVersion().parameters()).extracting(p -> p.name()).contains("imageSize");
    }

    @Test
    void withoutTheCatalogTheDetailStillOpensWithoutNames() {
        WorkloadDetailViewModel detail = open(WorkloadStatus.SUCCEEDED);

        assertThat(detail.appProperty().get()).isNull();
        assertThat(detail.appVersion()).isNull();
        assertThat(detail.workload().status()).isEqualTo(WorkloadStatus.SUCCEEDED);
    }

    @ParameterizedTest
    @EnumSource(value = WorkloadStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED", "CANCELLING"})
    void cancelIsNotOfferedOnceAWorkloadEndedOrIsBeingCancelled(WorkloadStatus status) {
        WorkloadDetailViewModel detail = open(status);

        assertThat(detail.cancellableProperty().get()).isFalse();
        detail.cancel();
        assertThat(client.cancelled).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = WorkloadStatus.class, names = {"QUEUED", "STARTING", "RUNNING"})
    void cancelIsOfferedWhileAWorkloadWaitsOrRuns(WorkloadStatus status) {
        WorkloadDetailViewModel detail = open(status);

        assertThat(detail.cancellableProperty().get()).isTrue();
        detail.cancel();
        assertThat(client.cancelled).containsExactly("wl-1");
    }

    @Test
    void anEventForThisWorkloadUpdatesItsStatusAndLoadsTheFullRecord() {
        WorkloadDetailViewModel detail = open(WorkloadStatus.RUNNING);
        client.fake.workloads(List.of(Samples.workload("wl-1", WorkloadStatus.SUCCEEDED, "u-anna", Samples.T0)));
        long before = client.fake.callCount("getWorkload");

        detail.onEvent(new WorkloadEvent(5, "wl-1", WorkloadStatus.SUCCEEDED, "finished", Samples.T0.plusSeconds(600)));
        detail.onEvent(new WorkloadEvent(6, "wl-other", WorkloadStatus.FAILED, "other", Samples.T0.plusSeconds(600)));

        assertThat(detail.workload().status()).isEqualTo(WorkloadStatus.SUCCEEDED);
        assertThat(detail.cancellableProperty().get()).isFalse();
        assertThat(client.fake.callCount("getWorkload")).isEqualTo(before + 1);
    }

    @Test
    void rerunSubmitsTheSameValuesAndRetriesWithTheSameKeyAfterNoAnswer() {
        WorkloadDetailViewModel detail = open(WorkloadStatus.SUCCEEDED);
        client.fake.onSubmit(s -> Samples.workload("wl-2", WorkloadStatus.QUEUED, "u-anna", Samples.T0));
        client.failSubmits(1, () -> new FactoryUnreachableException("reset", null));

        detail.rerun();
        assertThat(detail.failureProperty().get()).isInstanceOf(FactoryUnreachableException.class);
        detail.rerun();
        detail.rerun();

        assertThat(client.submitKeys).containsExactly("rerun-1", "rerun-1", "rerun-2");
        assertThat(client.submissions.get(0).parameters()).isEqualTo(detail.workload().parameters());
        assertThat(client.submissions.get(0).inputs()).containsEntry("images", "ds-42");
        assertThat(detail.rerunProperty().get().id()).isEqualTo("wl-2");
    }

    @Test
    void theLogFollowsTheTailUntilTheWorkloadEnds() {
        client.addLogLines(3);
        WorkloadDetailViewModel detail = open(WorkloadStatus.RUNNING);
        LogViewModel log = detail.log();
        assertThat(log.lines()).extracting(LogLine::line).containsExactly(1L, 2L, 3L);
        long following = executor.liveRepeats();

        client.addLogLines(2);
        executor.tick();
        assertThat(log.lines()).extracting(LogLine::line).containsExactly(1L, 2L, 3L, 4L, 5L);

        client.logComplete = true;
        executor.tick();
        assertThat(log.completeProperty().get()).isTrue();
        assertThat(executor.liveRepeats()).isEqualTo(following - 1);
    }

    @Test
    void aRunningWorkloadIsFetchedAgainForItsCostSoFarUntilItEnds() {
        WorkloadDetailViewModel detail = open(WorkloadStatus.RUNNING);
        client.fake.workloads(List.of(Samples.workload("wl-1", WorkloadStatus.SUCCEEDED, "u-anna", Samples.T0)));
        long before = client.fake.callCount("getWorkload");

        executor.tick();
        assertThat(client.fake.callCount("getWorkload")).isEqualTo(before + 1);
        assertThat(detail.workload().status()).isEqualTo(WorkloadStatus.SUCCEEDED);

        executor.tick();
        executor.tick();
        assertThat(client.fake.callCount("getWorkload")).isEqualTo(before + 1);
    }

    @Test
    void aLongLogArrivesInPagesWithoutWaitingForTheNextTick() {
        client.addLogLines(LogViewModel.PAGE * 2 + 10);
        client.logComplete = true;

        LogViewModel log = open(WorkloadStatus.SUCCEEDED).log();

        assertThat(log.lines()).hasSize(LogViewModel.PAGE * 2 + 10);
        assertThat(log.completeProperty().get()).isTrue();
    }

    @Test
    void onlyMatchingLinesFiltersAndAnEmptySearchShowsEverything() {
        client.addLogLines(40);
        LogViewModel log = open(WorkloadStatus.RUNNING).log();

        log.searchProperty().set("CHECKPOINT");
        assertThat(log.visibleLines()).hasSize(40);
        log.onlyMatchingProperty().set(true);
        assertThat(log.visibleLines()).extracting(LogLine::line).containsExactly(10L, 20L, 30L, 40L);
        log.searchProperty().set(" ");
        assertThat(log.visibleLines()).hasSize(40);
    }

    @Test
    void downloadWritesEveryLineToTheChosenFile(@TempDir Path dir) throws IOException {
        client.addLogLines(LogViewModel.DOWNLOAD_PAGE + 7);
        client.logComplete = true;
        LogViewModel log = open(WorkloadStatus.SUCCEEDED).log();
        Path target = dir.resolve("wl-1.log");

        log.download(target);

        assertThat(log.downloadedProperty().get().lines()).isEqualTo(LogViewModel.DOWNLOAD_PAGE + 7);
        List<String> written = Files.readAllLines(target);
        assertThat(written).hasSize(LogViewModel.DOWNLOAD_PAGE + 7);
        assertThat(written.get(0)).isEqualTo("2026-03-02T09:00:01Z\tstep 1 loss 0.11");
        assertThat(dir.resolve("wl-1.log.part")).doesNotExist();
    }

    @Test
    void aDownloadThatLosesTheFactoryLeavesNoHalfFile(@TempDir Path dir) {
        client.addLogLines(10);
        LogViewModel log = open(WorkloadStatus.RUNNING).log();
        client.fake.unreachable(true);
        Path target = dir.resolve("wl-1.log");

        log.download(target);

        assertThat(log.failureProperty().get()).isInstanceOf(FactoryUnreachableException.class);
        assertThat(log.downloadingProperty().get()).isFalse();
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("wl-1.log.part")).doesNotExist();
    }
}
