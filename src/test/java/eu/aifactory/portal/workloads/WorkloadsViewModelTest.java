package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadsViewModelTest {

    private final ScriptedClient client = new ScriptedClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<Throwable> contacts = new ArrayList<>();
    private WorkloadEvents events;
    private WorkloadsViewModel viewModel;

    @BeforeEach
    void setUp() {
        List<Workload> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(Samples.workload(String.format("wl-%03d", i), i % 3 == 0 ? WorkloadStatus.RUNNING : WorkloadStatus.SUCCEEDED,
                    i % 2 == 0 ? "u-anna" : "u-ben", Samples.T0.plusSeconds(i * 60L)));
        }
        client.fake.workloads(many);
        events = new WorkloadEvents(client, executor);
        events.start();
        executor.runDelayed();
        viewModel = new WorkloadsViewModel(client, executor, client.fake.me(), events,
                Clock.fixed(Samples.T0.plusSeconds(86_400 * 2), ZoneOffset.UTC), contacts::add);
    }

    private void emit(long id, String workloadId, WorkloadStatus status) {
        client.events.accept(new WorkloadEvent(id, workloadId, status, "now " + status, Samples.T0.plusSeconds(9_000)));
        executor.runDelayed();
    }

    @Test
    void loadsOnePageAndTheNextOnlyWhenAsked() {
        viewModel.loadIfNeeded();

        assertThat(viewModel.rows()).hasSize(WorkloadsViewModel.PAGE_SIZE);
        assertThat(viewModel.rows().get(0).id()).isEqualTo("wl-119");
        assertThat(viewModel.hasMoreProperty().get()).isTrue();
        assertThat(client.queries).hasSize(1);
        assertThat(client.queries.get(0).limit()).isEqualTo(WorkloadsViewModel.PAGE_SIZE);
        assertThat(client.queries.get(0).cursor()).isNull();

        viewModel.loadMore();
        viewModel.loadMore();
        viewModel.loadMore();

        assertThat(viewModel.rows()).hasSize(120);
        assertThat(viewModel.rows()).extracting(Workload::id).doesNotHaveDuplicates();
        assertThat(viewModel.hasMoreProperty().get()).isFalse();
        assertThat(client.queries).extracting(q -> q.cursor()).containsExactly(null, "50", "100");
    }

    @Test
    void aSecondLoadMoreWhileAPageIsLoadingIsIgnored() {
        viewModel.loadIfNeeded();
        executor.holdWork();
        viewModel.loadMore();
        viewModel.loadMore();
        executor.runHeldWork();

        assertThat(client.queries).hasSize(2);
        assertThat(viewModel.rows()).hasSize(100);
    }

    @Test
    void quickFiltersBecomeServerQueries() {
        viewModel.loadIfNeeded();
        viewModel.mineProperty().set(true);
        assertThat(client.queries.get(client.queries.size() - 1).submittedBy()).isEqualTo("me");

        viewModel.runningProperty().set(true);
        assertThat(client.queries.get(client.queries.size() - 1).status())
                .containsExactlyInAnyOrder(WorkloadStatus.STARTING, WorkloadStatus.RUNNING, WorkloadStatus.CANCELLING);

        viewModel.failedProperty().set(true);
        assertThat(client.queries.get(client.queries.size() - 1).status()).contains(WorkloadStatus.FAILED, WorkloadStatus.RUNNING);

        viewModel.last24hProperty().set(true);
        assertThat(client.queries.get(client.queries.size() - 1).from()).isEqualTo(Samples.T0.plusSeconds(86_400));
        assertThat(viewModel.rows()).allMatch(w -> w.status() == WorkloadStatus.RUNNING);
    }

    @Test
    void searchIsDebouncedAndSentAsQ() {
        viewModel.loadIfNeeded();
        int before = client.queries.size();
        viewModel.searchProperty().set("wl-11");
        viewModel.searchProperty().set("wl-110");

        assertThat(client.queries).hasSize(before);
        assertThat(executor.pendingDelays()).containsExactly(Duration.ofMillis(300));
        executor.runDelayed();

        assertThat(client.queries).hasSize(before + 1);
        assertThat(client.queries.get(before).q()).isEqualTo("wl-110");
        assertThat(viewModel.rows()).extracting(Workload::id).containsExactly("wl-110");
    }

    @Test
    void anEventReplacesTheRowInPlaceAndKeepsTheSelection() {
        viewModel.loadIfNeeded();
        Workload chosen = viewModel.rows().get(3);
        viewModel.selectedProperty().set(chosen);
        client.fake.workloads(List.of(Samples.workload(chosen.id(), WorkloadStatus.FAILED, chosen.submittedBy(),
                chosen.createdAt())));

        emit(1, chosen.id(), WorkloadStatus.FAILED);

        assertThat(viewModel.rows()).hasSize(WorkloadsViewModel.PAGE_SIZE);
        assertThat(viewModel.rows().get(3).id()).isEqualTo(chosen.id());
        assertThat(viewModel.rows().get(3).status()).isEqualTo(WorkloadStatus.FAILED);
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo(chosen.id());
        assertThat(viewModel.selectedProperty().get().status()).isEqualTo(WorkloadStatus.FAILED);
    }

    @Test
    void aNewWorkloadOfTheCurrentFilterAppearsOnTop() {
        viewModel.loadIfNeeded();
        Workload fresh = Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0.plusSeconds(90_000));
        client.fake.workloads(List.of(fresh));

        emit(2, "wl-new", WorkloadStatus.QUEUED);

        assertThat(viewModel.rows().get(0).id()).isEqualTo("wl-new");
        assertThat(viewModel.rows()).hasSize(WorkloadsViewModel.PAGE_SIZE + 1);
    }

    @Test
    void aHeaderSortIsSentToTheFactoryAndStartsAgainFromTheFirstPage() {
        viewModel.loadIfNeeded();
        viewModel.loadMore();
        int before = client.queries.size();

        viewModel.sortProperty().set("-costEur");

        assertThat(client.queries).hasSize(before + 1);
        assertThat(client.queries.get(before).sort()).isEqualTo("-costEur");
        assertThat(client.queries.get(before).cursor()).isNull();
        viewModel.loadMore();
        assertThat(client.queries.get(before + 1).sort()).as("later pages keep the sort").isEqualTo("-costEur");

        viewModel.sortProperty().set(null);
        assertThat(client.queries.get(client.queries.size() - 1).sort()).isNull();
    }

    @Test
    void inAnotherOrderANewWorkloadIsNotPutOnTop() {
        viewModel.sortProperty().set("status");
        viewModel.loadIfNeeded();
        Workload fresh = Samples.workload("wl-new", WorkloadStatus.QUEUED, "u-anna", Samples.T0.plusSeconds(90_000));
        client.fake.workloads(List.of(fresh));

        emit(2, "wl-new", WorkloadStatus.QUEUED);

        assertThat(viewModel.rows()).extracting(Workload::id).doesNotContain("wl-new");
    }

    @Test
    void headerDirectionsMapToTheFactorysSortParameter() {
        assertThat(WorkloadSort.of(null, true)).isNull();
        assertThat(WorkloadSort.of("status", true)).isEqualTo("status");
        assertThat(WorkloadSort.of("status", false)).isEqualTo("-status");
        assertThat(WorkloadSort.of("costEur", false)).isEqualTo("costEur");
        assertThat(WorkloadSort.of("costEur", true)).isEqualTo("-costEur");
        assertThat(WorkloadSort.of("startedAt", false)).isEqualTo("startedAt");
    }

    @Test
    void aNewWorkloadOutsideTheFilterStaysOut() {
        client.fake.workloads(List.of(Samples.workload("wl-mine", WorkloadStatus.RUNNING, "u-anna", Samples.T0)));
        viewModel.mineProperty().set(true);
        Workload others = Samples.workload("wl-other", WorkloadStatus.QUEUED, "u-ben", Samples.T0.plusSeconds(90_000));
        client.fake.workloads(List.of(others));

        emit(3, "wl-other", WorkloadStatus.QUEUED);

        assertThat(viewModel.rows()).extracting(Workload::id).containsExactly("wl-mine");
    }

    @Test
    void pollsTheFirstPageWhenTheStreamReconnectsForLongAndStopsWhenItIsBack() {
        viewModel.loadIfNeeded();
        client.states.accept(ConnectionState.RECONNECTING);
        executor.runDelayed();
        assertThat(viewModel.pollingProperty().get()).isFalse();
        assertThat(executor.pendingDelays()).containsExactly(WorkloadsViewModel.POLL_AFTER);

        executor.runDelayed();
        assertThat(viewModel.pollingProperty().get()).isTrue();
        int before = client.queries.size();
        executor.tick();
        executor.tick();
        assertThat(client.queries).hasSize(before + 2);
        assertThat(client.queries.get(before).cursor()).isNull();

        client.states.accept(ConnectionState.CONNECTED);
        executor.runDelayed();
        assertThat(viewModel.pollingProperty().get()).isFalse();
        assertThat(executor.liveRepeats()).as("only the refresh of running rows").isEqualTo(1);
    }

    @Test
    void aShortReconnectDoesNotStartPolling() {
        viewModel.loadIfNeeded();
        client.states.accept(ConnectionState.RECONNECTING);
        client.states.accept(ConnectionState.CONNECTED);
        executor.runDelayed();
        executor.runDelayed();

        assertThat(viewModel.pollingProperty().get()).isFalse();
        assertThat(executor.liveRepeats()).as("only the refresh of running rows").isEqualTo(1);
    }

    @Test
    void runningRowsAreFetchedAgainForTheirCostSoFarButNotWhenAllEnded() {
        viewModel.loadIfNeeded();
        int before = client.queries.size();
        executor.tick();
        assertThat(client.queries).hasSize(before + 1);

        client.fake.workloads(List.of(Samples.workload("wl-done", WorkloadStatus.SUCCEEDED, "u-anna", Samples.T0)));
        viewModel.reload();
        int after = client.queries.size();
        executor.tick();
        assertThat(client.queries).hasSize(after);
    }

    @Test
    void anUnreachableFactoryIsReportedAndKeepsTheRows() {
        viewModel.loadIfNeeded();
        client.fake.unreachable(true);
        viewModel.reload();

        assertThat(viewModel.failureProperty().get()).isInstanceOf(FactoryUnreachableException.class);
        assertThat(contacts.get(contacts.size() - 1)).isInstanceOf(FactoryUnreachableException.class);
        assertThat(viewModel.rows()).hasSize(WorkloadsViewModel.PAGE_SIZE);
    }

    @Test
    void aStaleFilterResultIsDropped() {
        viewModel.loadIfNeeded();
        executor.holdWork();
        viewModel.runningProperty().set(true);
        viewModel.runningProperty().set(false);
        executor.runHeldWork();

        assertThat(viewModel.query().status()).isEqualTo(Set.of());
        assertThat(viewModel.rows()).extracting(Workload::status).contains(WorkloadStatus.SUCCEEDED);
    }

    private static Workload runningIn(Workload w, String site) {
        return new Workload(w.id(), w.name(), w.appId(), w.appVersion(), w.projectId(), w.submittedBy(),
                w.submittedByName(), w.planId(), w.priority(), w.parameters(), w.inputs(), w.status(), w.statusReason(),
                w.createdAt(), w.startedAt(), w.endedAt(), w.costEur(), w.energyKwh(), w.gpuHours(), w.history(),
                "running", List.of("8", "NVIDIA B200", site));
    }

    @Test
    void aLanguageSwitchFetchesTheRowsAgainSoTheFactorysReasonValuesFollowIt() {
        Workload sample = Samples.workload("wl-site", WorkloadStatus.RUNNING, "u-anna", Samples.T0);
        client.fake.workloads(List.of(runningIn(sample, "Munich (Tucherpark), DE")));
        viewModel.languageSwitched();
        assertThat(client.queries).as("nothing is fetched before the page first loaded").isEmpty();
        viewModel.loadIfNeeded();

        // The factory now answers in German, as it does once the portal's Accept-Language has switched.
        client.fake.workloads(List.of(runningIn(sample, "München (Tucherpark), DE")));
        viewModel.languageSwitched();

        assertThat(client.queries).hasSize(2);
        assertThat(viewModel.rows()).singleElement()
                .satisfies(w -> assertThat(w.statusReasonArgs()).containsExactly("8", "NVIDIA B200", "München (Tucherpark), DE"));
    }
}
