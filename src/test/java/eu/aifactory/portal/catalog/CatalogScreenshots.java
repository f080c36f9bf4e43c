package eu.aifactory.portal.catalog;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Renders the catalog page with the seed catalog to PNGs for the README: English and German in the light theme,
 * German in the dark theme, and the offline banner over the cached catalog, each with the detail of Visual
 * Quality Inspection open. Headless (Monocle, software rendering); not a test.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.aifactory.portal.catalog.CatalogScreenshots -Dexec.args=assets/screenshots
 * </pre>
 * With a second argument {@code states} it also renders the empty and the error state, for review only.
 */
public final class CatalogScreenshots {

    static final double WIDTH = 1440;
    static final double HEIGHT = 900;
    private static final Instant AS_OF = Instant.parse("2026-03-02T08:15:00Z");

    private CatalogScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        boolean states = args.length > 1 && args[1].equals("states");
        Snapshots.headless();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        Path cacheDir = Files.createTempDirectory("catalog-screenshots");
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                render(target, cacheDir);
                if (states) {
                    renderStates(target, Files.createTempDirectory("catalog-screenshots-empty"));
                }
                done.complete(null);
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(5, TimeUnit.MINUTES);
        } finally {
            Platform.exit();
        }
    }

    private static void render(Path target, Path cacheDir) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        shoot(online(Locale.ENGLISH, cacheDir), target.resolve("catalog-en-light.png"));
        shoot(online(Locale.GERMANY, cacheDir), target.resolve("catalog-de-light.png"));
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        shoot(online(Locale.GERMANY, cacheDir), target.resolve("catalog-de-dark.png"));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        shoot(offline(Locale.GERMANY, cacheDir), target.resolve("catalog-offline.png"));
    }

    /** The designed states that are not in the README: no match, and no factory and no cache. */
    private static void renderStates(Path target, Path emptyCacheDir) {
        CatalogView empty = online(Locale.GERMANY, emptyCacheDir);
        empty.viewModel().selectedAppProperty().set(null);
        empty.viewModel().searchTextProperty().set("Kühlschrank");
        empty.viewModel().filterNow();
        shoot(empty, target.resolve("catalog-empty.png"));
        I18n i18n = new I18n(Locale.ENGLISH);
        CatalogViewModel failing = new CatalogViewModel(FakeCatalogClient.seed().reachable(false), TestExecutor.direct(),
                i18n, new CatalogCache(emptyCacheDir.resolve("none")), Clock.fixed(AS_OF, ZoneOffset.UTC));
        CatalogView error = new CatalogView(failing, i18n);
        error.onShow();
        shoot(error, target.resolve("catalog-error.png"));
    }

    /** The catalog loaded from a reachable factory, the inspection application open. */
    private static CatalogView online(Locale locale, Path cacheDir) {
        return page(FakeCatalogClient.seed(), locale, cacheDir);
    }

    /** The factory is down: the catalog and the inspection detail come from the cache the online pages wrote. */
    private static CatalogView offline(Locale locale, Path cacheDir) {
        return page(FakeCatalogClient.seed().reachable(false), locale, cacheDir);
    }

    private static CatalogView page(FakeCatalogClient client, Locale locale, Path cacheDir) {
        I18n i18n = new I18n(locale);
        CatalogViewModel viewModel = new CatalogViewModel(client, TestExecutor.direct(), i18n,
                new CatalogCache(cacheDir), Clock.fixed(AS_OF, ZoneOffset.UTC));
        CatalogView view = new CatalogView(viewModel, i18n);
        view.onShow();
        AppSummary inspection = viewModel.apps().stream()
                .filter(app -> app.id().equals(SeedCatalog.INSPECTION_ID)).findFirst().orElseThrow();
        viewModel.selectedAppProperty().set(inspection);
        return view;
    }

    private static void shoot(CatalogView view, Path file) {
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        view.applyCss();
        view.layout();
        Snapshots.write(scene.snapshot(null), file.toAbsolutePath());
    }
}
