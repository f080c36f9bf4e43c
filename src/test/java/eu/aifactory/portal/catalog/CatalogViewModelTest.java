package eu.aifactory.portal.catalog;

import static eu.aifactory.portal.catalog.SeedCatalog.INSPECTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Json;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogViewModelTest {

    private static final Instant FIRST_LOAD = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant SECOND_LOAD = Instant.parse("2026-03-03T09:30:00Z");

    @TempDir
    Path cacheDir;

    private I18n i18n;
    private TestExecutor executor;
    private FakeCatalogClient client;

    @BeforeEach
    void setUp() {
        i18n = new I18n(Locale.ENGLISH);
        executor = TestExecutor.direct();
        client = FakeCatalogClient.seed();
    }

    private CatalogViewModel viewModel(FakeCatalogClient factory, Instant now) {
        return new CatalogViewModel(factory, executor, i18n, new CatalogCache(cacheDir), Clock.fixed(now, ZoneOffset.UTC));
    }

    private CatalogViewModel loaded() {
        CatalogViewModel vm = viewModel(client, FIRST_LOAD);
        vm.loadIfNeeded();
        return vm;
    }

    private static List<String> ids(List<AppSummary> apps) {
        return apps.stream().map(AppSummary::id).toList();
    }

    private static Map<String, Integer> counts(List<FacetOption> facet) {
        return facet.stream().collect(Collectors.toMap(FacetOption::key, FacetOption::count));
    }

    // ---- loading --------------------------------------------------------------------------------------------

    @Test
    void loadsEveryPageOfALargeCatalogWithPagesOf500() {
        client = new FakeCatalogClient(SeedCatalog.generated(1_200, 7), SeedCatalog.plans());
        CatalogViewModel vm = loaded();

        assertThat(client.calls("listApps")).extracting(FakeCatalogClient.Call::argument)
                .containsExactly("500@null", "500@500", "500@1000");
        assertThat(vm.totalCountProperty().get()).isEqualTo(1_200);
        assertThat(vm.apps()).hasSize(1_200);
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
        assertThat(vm.offlineProperty().get()).isFalse();
    }

    @Test
    void followsTheCursorWhenTheFactoryReturnsSmallerPages() {
        client.maxPageSize(10);
        CatalogViewModel vm = loaded();

        assertThat(client.calls("listApps")).hasSize(4);
        assertThat(ids(vm.apps())).containsExactlyInAnyOrderElementsOf(
                SeedCatalog.apps().stream().map(app -> app.summary().id()).toList());
    }

    @Test
    void isLoadingUntilTheFirstLoadReturns() {
        executor = TestExecutor.queued();
        CatalogViewModel vm = viewModel(client, FIRST_LOAD);
        vm.loadIfNeeded();

        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.LOADING);
        assertThat(vm.reloadingProperty().get()).isTrue();
        executor.runQueued();
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
        assertThat(vm.reloadingProperty().get()).isFalse();
    }

    @Test
    void loadIfNeededDoesNotFetchASecondTime() {
        CatalogViewModel vm = loaded();
        vm.loadIfNeeded();

        assertThat(client.calls("listApps")).hasSize(1);
        assertThat(vm.apps()).hasSize(37);
    }

    // ---- search ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"Qualität, de", "qualitaet, de", "QUALITAT, de", "Qualität, en", "qualitaet, en", "QUALITAT, en"})
    void searchFoldsUmlautsAndCaseInBothLanguages(String query, String language) {
        i18n.localeProperty().set(I18n.supported(Locale.forLanguageTag(language)));
        CatalogViewModel vm = loaded();

        vm.searchTextProperty().set(query);

        assertThat(ids(vm.apps())).contains(INSPECTION_ID);
        assertThat(vm.apps()).allSatisfy(app -> assertThat((app.name().en() + app.name().de() + app.summary().en()
                + app.summary().de() + app.tags()).toLowerCase(Locale.ROOT)).containsAnyOf("qualit", "quality"));
    }

    @Test
    void searchMatchesEnglishTextWhileTheUserReadsGerman() {
        i18n.localeProperty().set(I18n.GERMAN);
        CatalogViewModel vm = loaded();

        vm.searchTextProperty().set("visual quality");

        assertThat(ids(vm.apps())).contains(INSPECTION_ID).hasSizeLessThan(3);
    }

    @Test
    void searchMatchesTagsAndSummaries() {
        CatalogViewModel vm = loaded();

        vm.searchTextProperty().set("Bildverarbeitung");
        assertThat(ids(vm.apps())).contains(INSPECTION_ID);

        vm.searchTextProperty().set("scratches dents");
        assertThat(ids(vm.apps())).containsExactly(INSPECTION_ID);
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        CatalogViewModel vm = loaded();

        vm.searchTextProperty().set("inspection crash");

        assertThat(vm.apps()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.EMPTY);
    }

    @Test
    void sharpSIsFoldedToDoubleS() {
        CatalogViewModel vm = loaded();

        vm.searchTextProperty().set("schweissnaht");

        assertThat(ids(vm.apps())).containsExactly("weld-seam-inspection");
    }

    @Test
    void searchWaitsForTheDebounceAndDropsStaleKeystrokes() {
        executor = TestExecutor.queued();
        CatalogViewModel vm = viewModel(client, FIRST_LOAD);
        vm.loadIfNeeded();
        executor.runQueued();

        vm.searchTextProperty().set("Q");
        vm.searchTextProperty().set("Qu");
        vm.searchTextProperty().set("Qualität");
        assertThat(vm.apps()).hasSize(37);

        assertThat(executor.fireDelayed()).isEqualTo(1);
        assertThat(ids(vm.apps())).contains(INSPECTION_ID).hasSizeLessThan(37);
    }

    @Test
    void filterNowAppliesAPendingSearchAtOnce() {
        executor = TestExecutor.queued();
        CatalogViewModel vm = viewModel(client, FIRST_LOAD);
        vm.loadIfNeeded();
        executor.runQueued();

        vm.searchTextProperty().set("crash");
        vm.filterNow();

        assertThat(ids(vm.apps())).containsExactly("crash-surrogate");
        assertThat(executor.fireDelayed()).isZero();
    }

    // ---- facets ---------------------------------------------------------------------------------------------

    @Test
    void categoryFacetNarrowsTheListAndUpdatesTheOtherFacetsCounts() {
        CatalogViewModel vm = loaded();
        Map<String, Integer> categoriesBefore = counts(vm.categoryFacet());
        assertThat(categoriesBefore).containsEntry("quality-inspection", 6).containsEntry("cae-surrogate", 5);
        assertThat(counts(vm.gpuClassFacet())).containsEntry("b200", 8).containsEntry("rtx-pro-6000", 29);

        vm.selectedCategories().add("quality-inspection");

        assertThat(vm.apps()).hasSize(6).allSatisfy(app -> assertThat(app.category()).isEqualTo("quality-inspection"));
        assertThat(counts(vm.gpuClassFacet())).containsEntry("b200", 2).containsEntry("rtx-pro-6000", 4);
        assertThat(counts(vm.vendorFacet())).containsEntry("Isar Vision Systems", 2).containsEntry("SAP", 0);
        // A facet's own counts ignore its own ticks, so ticking a second category widens the list.
        assertThat(counts(vm.categoryFacet())).isEqualTo(categoriesBefore);
        assertThat(vm.filtersActiveProperty().get()).isTrue();
    }

    @Test
    void severalValuesOfOneFacetWidenAndDifferentFacetsNarrow() {
        CatalogViewModel vm = loaded();

        vm.selectedCategories().addAll(List.of("quality-inspection", "cae-surrogate"));
        assertThat(vm.apps()).hasSize(11);

        vm.selectedGpuClasses().add("b200");
        assertThat(ids(vm.apps())).containsExactlyInAnyOrder("ct-porosity-analysis", "inspection-model-training",
                "crash-surrogate", "cfd-flow-surrogate", "fea-stress-surrogate");

        vm.selectedVendors().add("Siemens");
        assertThat(ids(vm.apps())).containsExactly("cfd-flow-surrogate");
    }

    @Test
    void facetCountsFollowTheSearch() {
        CatalogViewModel vm = loaded();

        vm.searchTextProperty().set("surrogate");

        assertThat(counts(vm.categoryFacet())).containsEntry("cae-surrogate", 4).containsEntry("quality-inspection", 0);
        assertThat(vm.apps()).hasSize(4);
    }

    @Test
    void priceRangeKeepsOnlyApplicationsWithinBounds() {
        CatalogViewModel vm = loaded();
        assertThat(vm.priceFloorProperty().get()).isEqualByComparingTo("2.15");
        assertThat(vm.priceCeilingProperty().get()).isEqualByComparingTo("60.8");

        vm.maxPriceProperty().set(new BigDecimal("2.30"));
        assertThat(vm.apps()).isNotEmpty().allSatisfy(app ->
                assertThat(app.priceFromEurPerHour()).isLessThanOrEqualTo(new BigDecimal("2.30")));
        assertThat(ids(vm.apps())).contains("compressed-air-leak-detection", "call-off-forecast")
                .doesNotContain(INSPECTION_ID);

        vm.maxPriceProperty().set(null);
        vm.minPriceProperty().set(new BigDecimal("40"));
        assertThat(ids(vm.apps())).containsExactlyInAnyOrder("llm-domain-fine-tuning", "crash-surrogate");
    }

    // ---- sort -----------------------------------------------------------------------------------------------

    @Test
    void sortsByNameInTheUsersLanguage() {
        CatalogViewModel vm = loaded();
        assertThat(vm.apps().get(0).name().en()).isEqualTo("8D Report Assistant");
        assertThat(vm.apps()).isSortedAccordingTo(Comparator.comparing(app -> app.name().en().toLowerCase(Locale.ROOT)));

        i18n.localeProperty().set(I18n.GERMAN);

        List<String> german = vm.apps().stream().map(app -> app.name().de()).toList();
        assertThat(german.get(0)).isEqualTo("8D-Report-Assistent");
        // The collator ignores case, unlike a plain string comparison that puts "CT" before "Crash".
        assertThat(german.indexOf("Crash-Surrogatmodell")).isLessThan(german.indexOf("CT-Porositätsanalyse"));
    }

    @Test
    void sortsByPriceCheapestFirst() {
        CatalogViewModel vm = loaded();

        vm.sortProperty().set(CatalogSort.PRICE);

        assertThat(vm.apps()).isSortedAccordingTo(Comparator.comparing(AppSummary::priceFromEurPerHour));
        assertThat(vm.apps().get(0).id()).isEqualTo("compressed-air-leak-detection");
        assertThat(vm.apps().get(36).id()).isEqualTo("crash-surrogate");
    }

    @Test
    void sortsByPopularityMostUsedFirst() {
        CatalogViewModel vm = loaded();

        vm.sortProperty().set(CatalogSort.POPULARITY);

        assertThat(vm.apps()).isSortedAccordingTo(Comparator.comparingInt(AppSummary::popularity).reversed());
        assertThat(vm.apps().get(0).id()).isEqualTo(INSPECTION_ID);
    }

    @Test
    void sortingKeepsTheFilter() {
        CatalogViewModel vm = loaded();
        vm.selectedCategories().add("llm-assistant");

        vm.sortProperty().set(CatalogSort.PRICE);

        assertThat(vm.apps()).hasSize(6).allSatisfy(app -> assertThat(app.category()).isEqualTo("llm-assistant"));
    }

    // ---- empty and reset ------------------------------------------------------------------------------------

    @Test
    void noMatchIsTheEmptyStateAndResetShowsEverythingAgain() {
        CatalogViewModel vm = loaded();
        vm.selectedCategories().add("quality-inspection");
        vm.maxPriceProperty().set(new BigDecimal("3"));
        vm.searchTextProperty().set("Kühlschrank");
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.EMPTY);

        vm.resetFilters();

        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
        assertThat(vm.apps()).hasSize(37);
        assertThat(vm.searchTextProperty().get()).isEmpty();
        assertThat(vm.selectedCategories()).isEmpty();
        assertThat(vm.maxPriceProperty().get()).isNull();
        assertThat(vm.filtersActiveProperty().get()).isFalse();
    }

    // ---- offline --------------------------------------------------------------------------------------------

    @Test
    void aSuccessfulLoadWritesTheCacheWithItsTime() {
        loaded();

        CachedCatalog cached = new CatalogCache(cacheDir).read().orElseThrow();
        assertThat(cached.asOf()).isEqualTo(FIRST_LOAD);
        assertThat(cached.apps()).hasSize(37);
        assertThat(cached.plans()).hasSameSizeAs(SeedCatalog.plans());
        assertThat(cacheDir).isDirectoryContaining(path -> path.getFileName().toString().equals(CatalogCache.FILE_NAME));
        assertThat(cacheDir).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void anUnreachableFactoryShowsTheCachedCatalogAsOfItsTimeAndRetryRecovers() {
        loaded();
        FakeCatalogClient down = FakeCatalogClient.seed().reachable(false);
        CatalogViewModel vm = viewModel(down, SECOND_LOAD);

        vm.loadIfNeeded();

        assertThat(vm.offlineProperty().get()).isTrue();
        assertThat(vm.asOfProperty().get()).isEqualTo(FIRST_LOAD);
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
        assertThat(vm.apps()).hasSize(37);

        vm.searchTextProperty().set("Qualität");
        assertThat(ids(vm.apps())).contains(INSPECTION_ID);

        down.reachable(true);
        vm.reload();

        assertThat(vm.offlineProperty().get()).isFalse();
        assertThat(vm.asOfProperty().get()).isEqualTo(SECOND_LOAD);
        assertThat(ids(vm.apps())).contains(INSPECTION_ID);
    }

    @Test
    void losingTheConnectionShowsTheCatalogAsOfItsLoadAndItsReturnReloads() {
        CatalogViewModel vm = loaded();
        client.reachable(false);

        vm.connectionLost();

        assertThat(vm.offlineProperty().get()).isTrue();
        assertThat(vm.asOfProperty().get()).isEqualTo(FIRST_LOAD);
        assertThat(vm.apps()).hasSize(37);

        client.reachable(true);
        vm.connectionRestored();

        assertThat(vm.offlineProperty().get()).isFalse();
        assertThat(client.calls("listApps")).hasSize(2);
    }

    @Test
    void theReturnOfTheConnectionReloadsAFailedFirstLoad() {
        client.reachable(false);
        CatalogViewModel vm = loaded();
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.ERROR);

        client.reachable(true);
        vm.connectionRestored();

        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
    }

    @Test
    void aReturningConnectionLeavesAnOnlineCatalogAlone() {
        CatalogViewModel vm = loaded();

        vm.connectionRestored();

        assertThat(client.calls("listApps")).hasSize(1);
    }

    @Test
    void everyCallIsReportedToTheConnectionMonitor() {
        List<String> reports = new ArrayList<>();
        CatalogViewModel vm = viewModel(client, FIRST_LOAD);
        vm.setFactoryContact(new CatalogViewModel.FactoryContact() {
            @Override
            public void answered() {
                reports.add("answered");
            }

            @Override
            public void failed(Throwable failure) {
                reports.add(failure.getClass().getSimpleName());
            }
        });
        vm.loadIfNeeded();
        client.reachable(false);
        vm.selectedAppProperty().set(summary(vm, INSPECTION_ID));

        assertThat(reports).containsExactly("answered", "FactoryUnreachableException");
    }

    @Test
    void aFailedRetryKeepsTheCachedCatalogOnScreen() {
        loaded();
        FakeCatalogClient down = FakeCatalogClient.seed().reachable(false);
        CatalogViewModel vm = viewModel(down, SECOND_LOAD);
        vm.loadIfNeeded();

        vm.reload();

        assertThat(vm.offlineProperty().get()).isTrue();
        assertThat(vm.apps()).hasSize(37);
        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
        assertThat(vm.reloadingProperty().get()).isFalse();
    }

    @Test
    void anUnreachableFactoryWithoutCacheIsTheErrorStateUntilRetrySucceeds() {
        client.reachable(false);
        CatalogViewModel vm = loaded();

        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.ERROR);
        assertThat(vm.problemProperty().get().unreachable()).isTrue();
        assertThat(vm.apps()).isEmpty();
        assertThat(vm.offlineProperty().get()).as("no banner without a catalog to be 'as of'").isFalse();

        client.reachable(true);
        vm.reload();

        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.READY);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.offlineProperty().get()).isFalse();
    }

    @Test
    void anOlderCacheNeverReplacesTheNewerCatalogOnScreen() throws Exception {
        loaded();
        CatalogViewModel vm = viewModel(client, SECOND_LOAD);
        vm.loadIfNeeded();
        // The second load's cache write did not happen: the file still holds the first load.
        Files.writeString(cacheDir.resolve(CatalogCache.FILE_NAME), Json.mapper().writeValueAsString(
                new CachedCatalog(FIRST_LOAD, SeedCatalog.apps().subList(0, 3).stream().map(AppDetail::summary).toList(),
                        SeedCatalog.plans(), List.of())));
        client.reachable(false);

        vm.reload();

        assertThat(vm.offlineProperty().get()).isTrue();
        assertThat(vm.asOfProperty().get()).isEqualTo(SECOND_LOAD);
        assertThat(vm.apps()).hasSize(37);
    }

    @Test
    void anUnreadableCacheCountsAsNoCache() throws Exception {
        Files.writeString(cacheDir.resolve(CatalogCache.FILE_NAME), "{ not json");
        client.reachable(false);

        CatalogViewModel vm = loaded();

        assertThat(vm.stateProperty().get()).isEqualTo(CatalogState.ERROR);
    }

    // ---- detail ---------------------------------------------------------------------------------------------

    private static AppSummary summary(CatalogViewModel vm, String id) {
        return vm.apps().stream().filter(app -> app.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void selectingAnApplicationLoadsItsDetailWithParametersPlansAndArtifacts() {
        CatalogViewModel vm = loaded();

        vm.selectedAppProperty().set(summary(vm, INSPECTION_ID));

        AppDetail detail = vm.detailProperty().get();
        assertThat(detail.summary().id()).isEqualTo(INSPECTION_ID);
        assertThat(vm.selectedVersionProperty().get().version()).isEqualTo("2.3.0");
        assertThat(vm.parameters()).extracting(ParameterSpec::name)
                .containsExactly("confidenceThreshold", "imageSize", "defectClasses", "saveAnnotated", "lineId");
        assertThat(vm.planOffers()).extracting(offer -> offer.plan().id())
                .containsExactly("rtx-pro-6000-x1", "rtx-pro-6000-x4", "b200-x1");
        // Plan price plus the licence for each GPU: 1.80 + 0.90 and 7.20 + 4 × 0.90.
        assertThat(vm.planOffers().get(0).eurPerHour()).isEqualByComparingTo("2.70");
        assertThat(vm.planOffers().get(1).eurPerHour()).isEqualByComparingTo("10.80");
        assertThat(vm.planOffers().get(0).peakWatts()).isEqualTo(850);
        assertThat(vm.inputs()).extracting(slot -> slot.name()).containsExactly("images");
        assertThat(vm.outputs()).extracting(slot -> slot.name()).containsExactly("verdicts", "annotated");
        assertThat(vm.detailLoadingProperty().get()).isFalse();
        assertThat(client.calls("listResourcePlans")).hasSize(1);
    }

    @Test
    void choosingAnOlderVersionShowsItsParametersAndPlans() {
        CatalogViewModel vm = loaded();
        vm.selectedAppProperty().set(summary(vm, INSPECTION_ID));
        AppVersion older = vm.detailProperty().get().versions().get(1);

        vm.selectedVersionProperty().set(older);

        assertThat(vm.parameters()).containsExactlyElementsOf(older.parameters());
        assertThat(vm.planOffers()).extracting(offer -> offer.plan().id()).containsExactlyElementsOf(older.planIds());
    }

    @Test
    void aStaleDetailLoadNeverReplacesTheCurrentSelection() {
        executor = TestExecutor.queued();
        CatalogViewModel vm = viewModel(client, FIRST_LOAD);
        vm.loadIfNeeded();
        executor.runQueued();

        vm.selectedAppProperty().set(summary(vm, INSPECTION_ID));
        vm.selectedAppProperty().set(summary(vm, "crash-surrogate"));
        assertThat(vm.detailLoadingProperty().get()).isTrue();

        // The second fetch answers first; the first one, cancelled, never calls back.
        assertThat(executor.runQueued(1, 0)).isEqualTo(1);

        assertThat(vm.detailProperty().get().summary().id()).isEqualTo("crash-surrogate");
        assertThat(vm.detailLoadingProperty().get()).isFalse();
    }

    @Test
    void clearingTheSelectionClearsTheDetail() {
        CatalogViewModel vm = loaded();
        vm.selectedAppProperty().set(summary(vm, INSPECTION_ID));

        vm.selectedAppProperty().set(null);

        assertThat(vm.detailProperty().get()).isNull();
        assertThat(vm.parameters()).isEmpty();
        assertThat(vm.planOffers()).isEmpty();
    }

    @Test
    void fetchedDetailsAreCachedAndShownOffline() {
        CatalogViewModel online = loaded();
        online.selectedAppProperty().set(summary(online, INSPECTION_ID));
        assertThat(new CatalogCache(cacheDir).read().orElseThrow().details())
                .extracting(detail -> detail.summary().id()).containsExactly(INSPECTION_ID);

        CatalogViewModel vm = viewModel(FakeCatalogClient.seed().reachable(false), SECOND_LOAD);
        vm.loadIfNeeded();
        vm.selectedAppProperty().set(summary(vm, INSPECTION_ID));

        assertThat(vm.detailProperty().get().summary().id()).isEqualTo(INSPECTION_ID);
        assertThat(vm.detailProblemProperty().get()).isNull();
        assertThat(vm.parameters()).hasSize(5);
        assertThat(vm.planOffers()).hasSize(3);
    }

    @Test
    void aDetailNeverFetchedIsReportedUnavailableOffline() {
        loaded();
        CatalogViewModel vm = viewModel(FakeCatalogClient.seed().reachable(false), SECOND_LOAD);
        vm.loadIfNeeded();

        vm.selectedAppProperty().set(summary(vm, "crash-surrogate"));

        assertThat(vm.detailProperty().get()).isNull();
        assertThat(vm.detailProblemProperty().get().unreachable()).isTrue();
    }

    @Test
    void aFactoryThatDropsWhileBrowsingTurnsTheCatalogOffline() {
        CatalogViewModel vm = loaded();
        client.reachable(false);

        vm.selectedAppProperty().set(summary(vm, "crash-surrogate"));

        assertThat(vm.offlineProperty().get()).isTrue();
        assertThat(vm.apps()).hasSize(37);
        assertThat(vm.asOfProperty().get()).isEqualTo(FIRST_LOAD);
    }

    @Test
    void aDetailErrorFromTheFactoryIsShownWithoutGoingOffline() {
        CatalogViewModel vm = loaded();
        AppSummary ghost = new AppSummary("no-such-app", summary(vm, INSPECTION_ID).name(), null, "quality-inspection",
                "Nobody", "b200", List.of(), BigDecimal.ONE, 0, "1.0.0");

        vm.selectedAppProperty().set(ghost);

        assertThat(vm.detailProblemProperty().get().unreachable()).isFalse();
        assertThat(vm.detailProblemProperty().get().detail()).contains("no-such-app");
        assertThat(vm.offlineProperty().get()).isFalse();
    }

    @Test
    void theClientIsOnlyAskedForWhatTheCatalogNeeds() {
        CatalogViewModel vm = loaded();
        vm.searchTextProperty().set("crash");
        vm.selectedCategories().add("cae-surrogate");

        Map<String, Long> byMethod = client.calls().stream()
                .collect(Collectors.groupingBy(FakeCatalogClient.Call::method, Collectors.counting()));
        assertThat(byMethod).containsOnly(Map.entry("listApps", 1L), Map.entry("listResourcePlans", 1L));
    }
}
