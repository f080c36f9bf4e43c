package eu.aifactory.portal.catalog;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;

/**
 * Keystroke to filtered tiles with 1,000 applications, on the FX thread, without the debounce: how long one
 * keystroke in the search field takes until (a) the view model has filtered and the tile list is updated, and
 * (b) additionally the page has run CSS and layout, so the virtualized grid shows the new tiles (what the next
 * frame then paints). A harness that prints figures, not a test.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.aifactory.portal.catalog.CatalogFilterBenchmark
 * </pre>
 */
public final class CatalogFilterBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int APPS = 1_000;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 10;
    private static final String[] QUERIES = {"Qualität", "predictive maintenance", "surrogate", "Siemens",
        "Prognose", "fleet forecast", "schweissnaht", "llm assistant", "edge inspection", "Werkzeugverschleiß"};

    private CatalogFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Snapshots.headless();
        Path cacheDir = Files.createTempDirectory("catalog-benchmark");
        CompletableFuture<String> done = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                done.complete(run(cacheDir));
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        try {
            System.out.println(done.get(10, TimeUnit.MINUTES));
        } finally {
            Platform.exit();
        }
    }

    private static String run(Path cacheDir) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n i18n = new I18n(Locale.GERMANY);
        FakeCatalogClient client = new FakeCatalogClient(SeedCatalog.generated(APPS, 42), SeedCatalog.plans());
        // Direct executor: the debounce timer fires at once, so a keystroke filters synchronously.
        CatalogViewModel viewModel = new CatalogViewModel(client, TestExecutor.direct(), i18n,
                new CatalogCache(cacheDir), Clock.systemUTC());
        CatalogView view = new CatalogView(viewModel, i18n);
        Scene scene = new Scene(view, CatalogScreenshots.WIDTH, CatalogScreenshots.HEIGHT);
        view.onShow();
        view.applyCss();
        view.layout();
        TextField search = (TextField) scene.lookup("#catalogSearch");

        List<String> keystrokes = keystrokes();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            measure(view, search, keystrokes);
        }
        List<long[]> samples = new ArrayList<>();
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            samples.addAll(measure(view, search, keystrokes));
        }
        long[] filter = column(samples, 0);
        long[] layout = column(samples, 1);
        long[] filterCpu = column(samples, 2);
        long[] layoutCpu = column(samples, 3);
        return String.format(Locale.ROOT, """
                Catalog keystroke benchmark: %d apps, %d keystrokes measured (after %d warm-up rounds),
                JDK %s, Monocle headless, prism.order=%s, %d cores, load average %.1f at the end
                                                                   median      p95      max
                  (a) keystroke -> filtered list updated, wall   %7.3f  %7.3f  %7.3f ms
                  (a) same, CPU time of the FX thread            %7.3f  %7.3f  %7.3f ms
                  (b) (a) + CSS and layout of the tiles, wall    %7.3f  %7.3f  %7.3f ms
                  (b) same, CPU time of the FX thread            %7.3f  %7.3f  %7.3f ms
                  budget: 16 ms per frame""",
                APPS, filter.length, WARM_UP_ROUNDS, System.getProperty("java.version"),
                System.getProperty("prism.order"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ms(percentile(filter, 50)), ms(percentile(filter, 95)), ms(filter[filter.length - 1]),
                ms(percentile(filterCpu, 50)), ms(percentile(filterCpu, 95)), ms(filterCpu[filterCpu.length - 1]),
                ms(percentile(layout, 50)), ms(percentile(layout, 95)), ms(layout[layout.length - 1]),
                ms(percentile(layoutCpu, 50)), ms(percentile(layoutCpu, 95)), ms(layoutCpu[layoutCpu.length - 1]));
    }

    private static long[] column(List<long[]> samples, int index) {
        return samples.stream().mapToLong(sample -> sample[index]).sorted().toArray();
    }

    /** Types every query character by character, then deletes it again: each step is one keystroke. */
    private static List<String> keystrokes() {
        List<String> texts = new ArrayList<>();
        for (String query : QUERIES) {
            for (int i = 1; i <= query.length(); i++) {
                texts.add(query.substring(0, i));
            }
            for (int i = query.length() - 1; i >= 0; i--) {
                texts.add(query.substring(0, i));
            }
        }
        return texts;
    }

    /** Wall-clock and CPU time of the FX thread per keystroke: on a shared, loaded machine the CPU time is the
     *  steadier figure, as it leaves out the time the thread waited for a core. */
    private static List<long[]> measure(CatalogView view, TextField search, List<String> keystrokes) {
        List<long[]> samples = new ArrayList<>(keystrokes.size());
        for (String text : keystrokes) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            search.setText(text);
            long filtered = System.nanoTime();
            long cpuFiltered = THREADS.getCurrentThreadCpuTime();
            view.applyCss();
            view.layout();
            long laidOut = System.nanoTime();
            long cpuLaidOut = THREADS.getCurrentThreadCpuTime();
            samples.add(new long[] {filtered - start, laidOut - start, cpuFiltered - cpuStart, cpuLaidOut - cpuStart});
        }
        return samples;
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
