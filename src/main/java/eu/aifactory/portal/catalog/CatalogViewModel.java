package eu.aifactory.portal.catalog;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.Page;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppQuery;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.I18n;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.CollationKey;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog page's state. Loads the whole catalog once (it is small: even 1,000 applications are a few hundred
 * kilobytes) and filters it in memory, so search as you type never waits for the network. Every factory call and
 * every cache access runs through the {@link TaskExecutor}; all methods are called on the UI thread.
 */
public final class CatalogViewModel {

    public static final int PAGE_SIZE = 500;
    public static final Duration SEARCH_DEBOUNCE = Duration.ofMillis(120);

    private static final Logger LOG = LoggerFactory.getLogger(CatalogViewModel.class);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final CatalogCache cache;
    private final Clock clock;

    // The loaded catalog, in the current sort order, with its search texts and facet indexes precomputed.
    private List<AppSummary> loadedApps = List.of();
    private Entry[] entries = new Entry[0];
    private String[] categoryKeys = new String[0];
    private String[] vendorKeys = new String[0];
    private String[] gpuClassKeys = new String[0];
    private final Map<String, ResourcePlan> plans = new LinkedHashMap<>();
    private final Map<String, AppDetail> details = new HashMap<>();
    private boolean loaded;
    private boolean batchingFilters;
    private long cacheGeneration;

    private final ReadOnlyObjectWrapper<CatalogState> state = new ReadOnlyObjectWrapper<>(this, "state", CatalogState.LOADING);
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final ReadOnlyBooleanWrapper reloading = new ReadOnlyBooleanWrapper(this, "reloading");
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>(this, "asOf");
    private final ReadOnlyObjectWrapper<LoadProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ObservableList<AppSummary> apps = FXCollections.observableArrayList();
    private final ObservableList<AppSummary> appsView = FXCollections.unmodifiableObservableList(apps);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount");

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableSet<String> selectedCategories = FXCollections.observableSet();
    private final ObservableSet<String> selectedVendors = FXCollections.observableSet();
    private final ObservableSet<String> selectedGpuClasses = FXCollections.observableSet();
    private final ObjectProperty<BigDecimal> minPrice = new SimpleObjectProperty<>(this, "minPrice");
    private final ObjectProperty<BigDecimal> maxPrice = new SimpleObjectProperty<>(this, "maxPrice");
    private final ReadOnlyObjectWrapper<BigDecimal> priceFloor = new ReadOnlyObjectWrapper<>(this, "priceFloor", BigDecimal.ZERO);
    private final ReadOnlyObjectWrapper<BigDecimal> priceCeiling = new ReadOnlyObjectWrapper<>(this, "priceCeiling", BigDecimal.ZERO);
    private final ObjectProperty<CatalogSort> sort = new SimpleObjectProperty<>(this, "sort", CatalogSort.NAME);
    private final ObservableList<FacetOption> categoryFacet = FXCollections.observableArrayList();
    private final ObservableList<FacetOption> categoryFacetView = FXCollections.unmodifiableObservableList(categoryFacet);
    private final ObservableList<FacetOption> vendorFacet = FXCollections.observableArrayList();
    private final ObservableList<FacetOption> vendorFacetView = FXCollections.unmodifiableObservableList(vendorFacet);
    private final ObservableList<FacetOption> gpuClassFacet = FXCollections.observableArrayList();
    private final ObservableList<FacetOption> gpuClassFacetView = FXCollections.unmodifiableObservableList(gpuClassFacet);
    private final ReadOnlyBooleanWrapper filtersActive = new ReadOnlyBooleanWrapper(this, "filtersActive");

    private final ObjectProperty<AppSummary> selectedApp = new SimpleObjectProperty<>(this, "selectedApp");
    private final ReadOnlyObjectWrapper<AppDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyBooleanWrapper detailLoading = new ReadOnlyBooleanWrapper(this, "detailLoading");
    private final ReadOnlyObjectWrapper<LoadProblem> detailProblem = new ReadOnlyObjectWrapper<>(this, "detailProblem");
    private final ObjectProperty<AppVersion> selectedVersion = new SimpleObjectProperty<>(this, "selectedVersion");
    private final ObservableList<ParameterSpec> parameters = FXCollections.observableArrayList();
    private final ObservableList<ParameterSpec> parametersView = FXCollections.unmodifiableObservableList(parameters);
    private final ObservableList<PlanOffer> planOffers = FXCollections.observableArrayList();
    private final ObservableList<PlanOffer> planOffersView = FXCollections.unmodifiableObservableList(planOffers);
    private final ObservableList<ArtifactSlot> inputs = FXCollections.observableArrayList();
    private final ObservableList<ArtifactSlot> inputsView = FXCollections.unmodifiableObservableList(inputs);
    private final ObservableList<ArtifactSlot> outputs = FXCollections.observableArrayList();
    private final ObservableList<ArtifactSlot> outputsView = FXCollections.unmodifiableObservableList(outputs);

    private TaskHandle loadTask = TaskHandle.NONE;
    private TaskHandle detailTask = TaskHandle.NONE;
    private TaskHandle pendingSearch = TaskHandle.NONE;
    private FactoryContact contact = FactoryContact.NONE;
    /** Re-sorts by the localized names after a switch; held here so the app-wide language holds this model weakly. */
    private final I18n.Follower languageFollower;

    public CatalogViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, CatalogCache cache, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.i18n = i18n;
        this.cache = cache;
        this.clock = clock;

        searchText.addListener((obs, old, now) -> scheduleFilter());
        SetChangeListener<String> facetChanged = change -> filterUnlessBatching();
        selectedCategories.addListener(facetChanged);
        selectedVendors.addListener(facetChanged);
        selectedGpuClasses.addListener(facetChanged);
        minPrice.addListener((obs, old, now) -> filterUnlessBatching());
        maxPrice.addListener((obs, old, now) -> filterUnlessBatching());
        sort.addListener((obs, old, now) -> resortAndFilter());
        languageFollower = i18n.follow(this::resortAndFilter);

        selectedApp.addListener((obs, old, now) -> loadDetail(now));
        selectedVersion.addListener((obs, old, now) -> refreshVersion());
    }

    // ---- catalog loading ------------------------------------------------------------------------------------

    /** Loads the catalog unless it is loaded or loading; the page calls this whenever it is shown. */
    public void loadIfNeeded() {
        if (!loaded && !reloading.get()) {
            reload();
        }
    }

    /**
     * Fetches the whole catalog again (the Retry action). While it runs, whatever is shown stays; when the factory
     * cannot be reached the cached catalog is shown with its "as of" time.
     */
    public void reload() {
        loadTask.cancel();
        reloading.set(true);
        if (!loaded) {
            problem.set(null);
            updateState();
        }
        List<AppDetail> knownDetails = List.copyOf(details.values());
        long generation = ++cacheGeneration;
        loadTask = executor.run(() -> fetchOrReadCache(knownDetails, generation), this::loaded, this::loadFailed);
    }

    /** Runs in the background: every page of the catalog plus the plans, or the cache when the factory is away. */
    private LoadResult fetchOrReadCache(List<AppDetail> knownDetails, long generation) {
        try {
            List<AppSummary> all = new ArrayList<>();
            AppQuery query = AppQuery.all().withLimit(PAGE_SIZE);
            Page<AppSummary> page;
            do {
                page = client.listApps(query);
                all.addAll(page.items());
                query = query.withCursor(page.nextCursor());
            } while (page.hasMore());
            List<ResourcePlan> fetchedPlans = client.listResourcePlans();
            CachedCatalog fresh = new CachedCatalog(clock.instant(), all, fetchedPlans, knownDetails);
            writeCache(fresh, generation);
            return new LoadResult(fresh, null);
        } catch (RuntimeException e) {
            if (!isUnreachable(e)) {
                throw e;
            }
            Optional<CachedCatalog> cached = cache.read();
            if (cached.isEmpty()) {
                throw e;
            }
            LOG.info("Factory unreachable, showing the catalog cached at {}", cached.get().asOf());
            return new LoadResult(cached.get(), e);
        }
    }

    private void writeCache(CachedCatalog catalog, long generation) {
        try {
            cache.write(catalog, generation);
        } catch (IOException e) {
            LOG.warn("Could not write the catalog cache {}: {}", cache.file(), e.getMessage());
        }
    }

    private void loaded(LoadResult result) {
        reloading.set(false);
        if (result.online()) {
            contact.answered();
        } else {
            contact.failed(result.failure());
        }
        CachedCatalog catalog = result.catalog();
        if (!result.online() && loaded && asOf.get() != null && catalog.asOf().isBefore(asOf.get())) {
            // The cache is older than the catalog on screen (its last write failed): keep the newer one.
            setOffline(true);
            return;
        }
        loadedApps = catalog.apps();
        plans.clear();
        catalog.plans().forEach(plan -> plans.put(plan.id(), plan));
        for (AppDetail known : catalog.details()) {
            details.putIfAbsent(known.summary().id(), known);
        }
        asOf.set(catalog.asOf());
        problem.set(null);
        loaded = true;
        setOffline(!result.online());
        index();
        resortAndFilter();
        reselect();
    }

    private void loadFailed(Throwable error) {
        reloading.set(false);
        contact.failed(error);
        boolean unreachable = isUnreachable(error);
        if (unreachable && loaded) {
            // A failed retry keeps the catalog on screen.
            setOffline(true);
            return;
        }
        if (loaded) {
            LOG.warn("Refreshing the catalog failed: {}", error.getMessage());
            return;
        }
        // Nothing on screen to be "as of" anything: the error state, not the offline banner, tells the story.
        setOffline(false);
        problem.set(new LoadProblem(unreachable, describe(error)));
        updateState();
    }

    private void setOffline(boolean now) {
        offline.set(now);
    }

    /**
     * The shell's connection monitor lost the factory: the catalog on screen is from then on a saved copy, so the
     * offline banner says so even before a call of this page fails.
     */
    public void connectionLost() {
        if (loaded) {
            setOffline(true);
        }
    }

    /** The factory answers again: an offline or failed catalog reloads by itself, without waiting for Retry. */
    public void connectionRestored() {
        if ((offline.get() || state.get() == CatalogState.ERROR) && !reloading.get()) {
            reload();
        }
    }

    /** Tells the shell's connection monitor about each call of this page, so the header reflects it at once. */
    public void setFactoryContact(FactoryContact listener) {
        contact = listener == null ? FactoryContact.NONE : listener;
    }

    /** After a reload, the selection points to the new record of the same application. */
    private void reselect() {
        AppSummary selected = selectedApp.get();
        if (selected == null) {
            return;
        }
        AppSummary fresh = loadedApps.stream().filter(app -> app.id().equals(selected.id())).findFirst().orElse(null);
        if (fresh == null || !fresh.equals(selected)) {
            selectedApp.set(fresh);
        } else if (detail.get() == null || detailProblem.get() != null) {
            loadDetail(fresh);
        } else {
            refreshVersion();
        }
    }

    static boolean isUnreachable(Throwable error) {
        return error instanceof FactoryUnreachableException
                || error instanceof ApiException api && api.status() == 503;
    }

    private static String describe(Throwable error) {
        if (error instanceof ApiException api) {
            String detail = api.problem().detail();
            return detail == null || detail.isBlank() ? api.problem().title() : detail;
        }
        return error.getMessage();
    }

    // ---- search, facets, sort -------------------------------------------------------------------------------

    /** Precomputes, once per load, what every keystroke would otherwise recompute. */
    private void index() {
        categoryKeys = distinct(loadedApps, AppSummary::category, Comparator.naturalOrder());
        vendorKeys = distinct(loadedApps, AppSummary::vendor, String.CASE_INSENSITIVE_ORDER);
        gpuClassKeys = distinct(loadedApps, AppSummary::gpuClass, Comparator.naturalOrder());
        entries = new Entry[loadedApps.size()];
        BigDecimal floor = null;
        BigDecimal ceiling = null;
        for (int i = 0; i < entries.length; i++) {
            AppSummary app = loadedApps.get(i);
            entries[i] = new Entry(app, SearchText.of(searchableText(app)),
                    Arrays.binarySearch(categoryKeys, nonNull(app.category()), Comparator.naturalOrder()),
                    Arrays.binarySearch(vendorKeys, nonNull(app.vendor()), String.CASE_INSENSITIVE_ORDER),
                    Arrays.binarySearch(gpuClassKeys, nonNull(app.gpuClass()), Comparator.naturalOrder()));
            BigDecimal price = app.priceFromEurPerHour();
            if (price != null) {
                floor = floor == null || price.compareTo(floor) < 0 ? price : floor;
                ceiling = ceiling == null || price.compareTo(ceiling) > 0 ? price : ceiling;
            }
        }
        totalCount.set(entries.length);
        priceFloor.set(floor == null ? BigDecimal.ZERO : floor);
        priceCeiling.set(ceiling == null ? BigDecimal.ZERO : ceiling);
    }

    /** Name, summary and tags in both languages, and the vendor: a German user may type an English word. */
    private static String searchableText(AppSummary app) {
        StringBuilder text = new StringBuilder();
        append(text, app.name());
        append(text, app.summary());
        app.tags().forEach(tag -> append(text, tag));
        return text.append(nonNull(app.vendor())).toString();
    }

    private static void append(StringBuilder text, LocalizedText localized) {
        if (localized != null) {
            text.append(nonNull(localized.en())).append('\n').append(nonNull(localized.de())).append('\n');
        }
    }

    private static String[] distinct(List<AppSummary> apps, java.util.function.Function<AppSummary, String> key,
                                     Comparator<String> order) {
        TreeSet<String> keys = new TreeSet<>(order);
        apps.forEach(app -> keys.add(nonNull(key.apply(app))));
        return keys.toArray(String[]::new);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private void resortAndFilter() {
        Locale locale = i18n.locale();
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        for (Entry entry : entries) {
            entry.nameKey = collator.getCollationKey(entry.app.name().in(locale));
        }
        Comparator<Entry> byName = Comparator.comparing(entry -> entry.nameKey);
        Comparator<Entry> order = switch (sort.get()) {
            case NAME -> byName;
            case PRICE -> Comparator.comparing((Entry entry) -> entry.app.priceFromEurPerHour(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
            case POPULARITY -> Comparator.comparingInt((Entry entry) -> -entry.app.popularity()).thenComparing(byName);
        };
        Arrays.sort(entries, order);
        filterNow();
    }

    private void scheduleFilter() {
        pendingSearch.cancel();
        pendingSearch = executor.runLater(SEARCH_DEBOUNCE, this::filterNow);
    }

    private void filterUnlessBatching() {
        if (!batchingFilters) {
            filterNow();
        }
    }

    /**
     * Applies the search and filters at once, dropping a pending debounced search. Enter in the search field
     * calls this; so does the keystroke benchmark.
     */
    public void filterNow() {
        pendingSearch.cancel();
        filtersActive.set(!searchText.get().isBlank() || !selectedCategories.isEmpty() || !selectedVendors.isEmpty()
                || !selectedGpuClasses.isEmpty() || minPrice.get() != null || maxPrice.get() != null);
        SearchText.Query query = SearchText.query(searchText.get());
        boolean[] categoryOk = selection(categoryKeys, selectedCategories);
        boolean[] vendorOk = selection(vendorKeys, selectedVendors);
        boolean[] gpuOk = selection(gpuClassKeys, selectedGpuClasses);
        int[] categoryCounts = new int[categoryKeys.length];
        int[] vendorCounts = new int[vendorKeys.length];
        int[] gpuCounts = new int[gpuClassKeys.length];
        BigDecimal min = minPrice.get();
        BigDecimal max = maxPrice.get();
        List<AppSummary> matching = new ArrayList<>(entries.length);
        for (Entry entry : entries) {
            if (!query.isBlank() && !entry.text.matches(query)) {
                continue;
            }
            boolean category = categoryOk[entry.category];
            boolean vendor = vendorOk[entry.vendor];
            boolean gpu = gpuOk[entry.gpuClass];
            boolean price = priceWithin(entry.app.priceFromEurPerHour(), min, max);
            // Each facet counts what the other facets let through, so its own ticks never zero its counts.
            if (vendor && gpu && price) {
                categoryCounts[entry.category]++;
            }
            if (category && gpu && price) {
                vendorCounts[entry.vendor]++;
            }
            if (category && vendor && price) {
                gpuCounts[entry.gpuClass]++;
            }
            if (category && vendor && gpu && price) {
                matching.add(entry.app);
            }
        }
        if (!matching.equals(apps)) {
            apps.setAll(matching);
        }
        publish(categoryFacet, categoryKeys, categoryCounts);
        publish(vendorFacet, vendorKeys, vendorCounts);
        publish(gpuClassFacet, gpuClassKeys, gpuCounts);
        updateState();
    }

    private static boolean[] selection(String[] keys, Collection<String> selected) {
        boolean[] ok = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ok[i] = selected.isEmpty() || selected.contains(keys[i]);
        }
        return ok;
    }

    private static boolean priceWithin(BigDecimal price, BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return true;
        }
        return price != null && (min == null || price.compareTo(min) >= 0) && (max == null || price.compareTo(max) <= 0);
    }

    private static void publish(ObservableList<FacetOption> facet, String[] keys, int[] counts) {
        List<FacetOption> options = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            options.add(new FacetOption(keys[i], counts[i]));
        }
        if (!options.equals(facet)) {
            facet.setAll(options);
        }
    }

    private void updateState() {
        if (!loaded) {
            state.set(problem.get() == null ? CatalogState.LOADING : CatalogState.ERROR);
        } else {
            state.set(apps.isEmpty() ? CatalogState.EMPTY : CatalogState.READY);
        }
    }

    /** Clears the search and every facet; the "Reset filters" action. */
    public void resetFilters() {
        batchingFilters = true;
        try {
            searchText.set("");
            selectedCategories.clear();
            selectedVendors.clear();
            selectedGpuClasses.clear();
            minPrice.set(null);
            maxPrice.set(null);
        } finally {
            batchingFilters = false;
        }
        filterNow();
    }

    // ---- detail ---------------------------------------------------------------------------------------------

    private void loadDetail(AppSummary app) {
        detailTask.cancel();
        detailProblem.set(null);
        if (app == null) {
            detailLoading.set(false);
            showDetail(null);
            return;
        }
        // An application seen before shows at once; the fetch then refreshes it.
        AppDetail known = details.get(app.id());
        showDetail(known);
        detailLoading.set(true);
        detailTask = executor.run(() -> client.getApp(app.id()), fetched -> {
            detailLoading.set(false);
            contact.answered();
            details.put(app.id(), fetched);
            showDetail(fetched);
            saveCache();
            if (offline.get()) {
                reload();
            }
        }, error -> {
            detailLoading.set(false);
            contact.failed(error);
            boolean unreachable = isUnreachable(error);
            if (unreachable) {
                setOffline(true);
            }
            if (known == null || !unreachable) {
                detailProblem.set(new LoadProblem(unreachable, describe(error)));
            }
        });
    }

    private void showDetail(AppDetail shown) {
        AppDetail before = detail.get();
        AppVersion previous = selectedVersion.get();
        detail.set(shown);
        AppVersion version = null;
        if (shown != null && !shown.versions().isEmpty()) {
            // A refreshed detail of the same application keeps the version the user chose.
            boolean sameApp = before != null && before.summary().id().equals(shown.summary().id());
            version = sameApp && previous != null ? shown.version(previous.version()) : null;
            if (version == null) {
                version = shown.latest();
            }
        }
        selectedVersion.set(version);
        refreshVersion();
    }

    private void refreshVersion() {
        AppVersion version = selectedVersion.get();
        if (version == null) {
            parameters.clear();
            planOffers.clear();
            inputs.clear();
            outputs.clear();
            return;
        }
        parameters.setAll(version.parameters());
        inputs.setAll(version.inputs());
        outputs.setAll(version.outputs());
        List<PlanOffer> offers = new ArrayList<>();
        for (String planId : version.planIds()) {
            ResourcePlan plan = plans.get(planId);
            if (plan != null) {
                offers.add(PlanOffer.of(plan, version));
            }
        }
        planOffers.setAll(offers);
    }

    private void saveCache() {
        if (asOf.get() == null) {
            return;
        }
        CachedCatalog snapshot = new CachedCatalog(asOf.get(), loadedApps, List.copyOf(plans.values()),
                List.copyOf(details.values()));
        long generation = ++cacheGeneration;
        executor.run(() -> {
            cache.write(snapshot, generation);
            return null;
        }, done -> { }, error -> LOG.warn("Could not write the catalog cache: {}", error.getMessage()));
    }

    /** Stops background work; the page is closed. */
    public void dispose() {
        loadTask.cancel();
        detailTask.cancel();
        pendingSearch.cancel();
    }

    // ---- properties -----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<CatalogState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** True while a load runs, including a retry in the background while the cached catalog is shown. */
    public ReadOnlyBooleanProperty reloadingProperty() {
        return reloading.getReadOnlyProperty();
    }

    /** When the shown catalog was fetched from the factory; older than now when offline. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** Why nothing could be loaded, in {@link CatalogState#ERROR}. */
    public ReadOnlyObjectProperty<LoadProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The applications that match, in the chosen order. */
    public ObservableList<AppSummary> apps() {
        return appsView;
    }

    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableSet<String> selectedCategories() {
        return selectedCategories;
    }

    public ObservableSet<String> selectedVendors() {
        return selectedVendors;
    }

    public ObservableSet<String> selectedGpuClasses() {
        return selectedGpuClasses;
    }

    /** Lowest "price from" an application may have, EUR per hour; null for no bound. */
    public ObjectProperty<BigDecimal> minPriceProperty() {
        return minPrice;
    }

    /** Highest "price from" an application may have, EUR per hour; null for no bound. */
    public ObjectProperty<BigDecimal> maxPriceProperty() {
        return maxPrice;
    }

    public ReadOnlyObjectProperty<BigDecimal> priceFloorProperty() {
        return priceFloor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BigDecimal> priceCeilingProperty() {
        return priceCeiling.getReadOnlyProperty();
    }

    public ObjectProperty<CatalogSort> sortProperty() {
        return sort;
    }

    public ObservableList<FacetOption> categoryFacet() {
        return categoryFacetView;
    }

    public ObservableList<FacetOption> vendorFacet() {
        return vendorFacetView;
    }

    public ObservableList<FacetOption> gpuClassFacet() {
        return gpuClassFacetView;
    }

    public ReadOnlyBooleanProperty filtersActiveProperty() {
        return filtersActive.getReadOnlyProperty();
    }

    public ObjectProperty<AppSummary> selectedAppProperty() {
        return selectedApp;
    }

    public ReadOnlyObjectProperty<AppDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty detailLoadingProperty() {
        return detailLoading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadProblem> detailProblemProperty() {
        return detailProblem.getReadOnlyProperty();
    }

    public ObjectProperty<AppVersion> selectedVersionProperty() {
        return selectedVersion;
    }

    /** The parameters of the selected version. */
    public ObservableList<ParameterSpec> parameters() {
        return parametersView;
    }

    /** The plans the selected version may run on, priced with its licence. */
    public ObservableList<PlanOffer> planOffers() {
        return planOffersView;
    }

    public ObservableList<ArtifactSlot> inputs() {
        return inputsView;
    }

    public ObservableList<ArtifactSlot> outputs() {
        return outputsView;
    }

    /** A catalog and, when it came from the cache, why the factory could not be asked. */
    private record LoadResult(CachedCatalog catalog, RuntimeException failure) {
        boolean online() {
            return failure == null;
        }
    }

    /** Hears whether the factory answered this page's calls. */
    public interface FactoryContact {
        FactoryContact NONE = new FactoryContact() {
            @Override
            public void answered() {
            }

            @Override
            public void failed(Throwable failure) {
            }
        };

        void answered();

        /** The call failed; an error answer still counts as contact, only {@link #isUnreachable} ones do not. */
        void failed(Throwable failure);
    }

    private static final class Entry {
        final AppSummary app;
        final SearchText text;
        final int category;
        final int vendor;
        final int gpuClass;
        CollationKey nameKey;

        Entry(AppSummary app, SearchText text, int category, int vendor, int gpuClass) {
            this.app = app;
            this.text = text;
            this.category = category;
            this.vendor = vendor;
            this.gpuClass = gpuClass;
        }
    }
}
