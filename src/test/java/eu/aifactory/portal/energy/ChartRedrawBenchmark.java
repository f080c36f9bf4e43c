package eu.aifactory.portal.energy;

import static eu.aifactory.portal.tools.Snapshots.onFx;

import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.tools.Snapshots;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Redraw time of the Energy page's stacked chart for a year of hourly buckets (8,760 buckets, 6 layers), headless
 * with software rendering, on the FX thread: merging into at most {@link ChartDownsampler#MAX_POINTS} buckets, new
 * series, CSS, layout and painting into an image. Also without merging, to show why the chart merges. A benchmark
 * that prints figures, not a test.
 *
 * <p>Run: {@code mvn -B -o -Pbench test-compile exec:java@chart-redraw-benchmark}.
 */
public final class ChartRedrawBenchmark {

    private static final int LAYERS = 6;
    private static final int WARM_UP = 15;
    private static final int RUNS = 40;
    private static final int RUNS_UNMERGED = 5;

    private ChartRedrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Snapshots.headless();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        // Each measurement closes its window; the toolkit must outlive it.
        Platform.setImplicitExit(false);
        try {
            ChartStack year = EnergyChartData.hourlyYear(LAYERS);
            ChartStack other = EnergyChartData.hourlyYear(LAYERS + 1);
            System.out.printf(Locale.ROOT, "%nStacked chart, %,d hourly buckets x %d layers, 1100 x 300 px, %s%n",
                    year.buckets(), LAYERS, System.getProperty("prism.order"));
            long[] merge = new long[RUNS];
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long t0 = System.nanoTime();
                ChartDownsampler.downsample(i % 2 == 0 ? year : other, ChartDownsampler.MAX_POINTS);
                if (i >= WARM_UP) {
                    merge[i - WARM_UP] = System.nanoTime() - t0;
                }
            }
            print("merge into <= " + ChartDownsampler.MAX_POINTS + " buckets", merge);
            long[] redraw = onFx(() -> redraw(year, other, true, WARM_UP, RUNS));
            print("redraw (merge, series, CSS, layout, paint)", redraw);
            long[] unmerged = onFx(() -> redraw(year, other, false, 1, RUNS_UNMERGED));
            print("redraw without merging (8,760 points a layer)", unmerged);
        } finally {
            Platform.exit();
        }
    }

    private static long[] redraw(ChartStack year, ChartStack other, boolean merge, int warmUp, int runs) {
        I18n i18n = new I18n(Locale.UK);
        StackedEnergyChart chart = new StackedEnergyChart(i18n);
        StackPane root = new StackPane(chart);
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 1100, 300));
        stage.show();
        SnapshotParameters parameters = new SnapshotParameters();
        WritableImage image = new WritableImage(1100, 300);
        long[] times = new long[runs];
        for (int i = 0; i < warmUp + runs; i++) {
            ChartStack stack = i % 2 == 0 ? year : other;
            long t0 = System.nanoTime();
            if (merge) {
                chart.show(stack);
            } else {
                chart.showUnmerged(stack);
            }
            root.applyCss();
            root.layout();
            root.snapshot(parameters, image);
            if (i >= warmUp) {
                times[i - warmUp] = System.nanoTime() - t0;
            }
        }
        stage.close();
        return times;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] / 1e6;
        System.out.printf(Locale.ROOT, "%-48s median %7.1f ms, p95 %7.1f ms, min %7.1f ms (%d runs)%n", what, median,
                p95, sorted[0] / 1e6, sorted.length);
    }
}
