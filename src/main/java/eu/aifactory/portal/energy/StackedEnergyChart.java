package eu.aifactory.portal.energy;

import eu.aifactory.portal.i18n.AxisFormats;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.util.StringConverter;

/**
 * Facility energy over time as stacked areas, one per application, project or energy source, with a legend and a
 * hover label that names the bucket and every layer's kWh. Long series are merged into at most
 * {@link ChartDownsampler#MAX_POINTS} wider buckets before drawing; their sums are kept, so nothing is lost.
 */
final class StackedEnergyChart extends VBox {

    /** The key of the layer that gathers the smaller layers beyond the chart's palette. */
    static final String OTHER = "__other__";
    static final String RENEWABLE = "__renewable__";
    static final String GRID = "__grid__";
    private static final String PRINT = "energy-chart-print";
    /** Distinct colours of the palette; further layers are gathered into {@link #OTHER}. */
    static final int MAX_LAYERS = 8;
    private static final double PLOT_MIN_HEIGHT = 150;

    private final I18n i18n;
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis kwhAxis = new NumberAxis();
    private final StackedAreaChart<Number, Number> chart = new StackedAreaChart<>(timeAxis, kwhAxis);
    private final Label hover = new Label();
    private final StackPane plot = new StackPane();
    private final FlowPane legend = new FlowPane(14, 4);
    private ChartStack drawn = ChartStack.EMPTY;

    StackedEnergyChart(I18n i18n) {
        this.i18n = Objects.requireNonNull(i18n);
        chart.setId("energyChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // Our own legend below: it wraps into as many rows as the layers need, where the chart's would be cut off.
        chart.setLegendVisible(false);
        // Room for the last tick's label at the right end of the time axis.
        chart.setPadding(new Insets(6, 24, 4, 4));
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        timeAxis.setAnimated(false);
        timeAxis.setAutoRanging(false);
        timeAxis.setMinorTickVisible(false);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return tickLabel(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        kwhAxis.setAnimated(false);
        kwhAxis.setForceZeroInRange(true);
        kwhAxis.labelProperty().bind(i18n.binding("energy.chart.axis"));
        AxisFormats.localize(kwhAxis, i18n, 0);
        hover.setId("energyChartHover");
        hover.getStyleClass().add("energy-chart-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        plot.getChildren().addAll(chart, hover);
        VBox.setVgrow(plot, Priority.ALWAYS);
        // The plot keeps a readable height however many rows the legend wraps into; the page scrolls instead.
        plot.setMinHeight(PLOT_MIN_HEIGHT);
        chart.setMinHeight(0);
        legend.setId("energyChartLegend");
        legend.getStyleClass().add("energy-chart-legend");
        legend.setPadding(new Insets(0, 0, 0, 48));
        getChildren().addAll(plot, legend);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::track);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
    }

    /** Draws {@code stack}, merged into wider buckets when it has more than the screen can show. */
    void show(ChartStack stack) {
        draw(ChartDownsampler.downsample(stack, ChartDownsampler.MAX_POINTS));
    }

    /** Draws every bucket as it is; only for the redraw benchmark's comparison. */
    void showUnmerged(ChartStack stack) {
        draw(stack);
    }

    private void draw(ChartStack stack) {
        // A layer without energy adds nothing but a line along the top of the one below (grid at 100 % renewable).
        drawn = new ChartStack(stack.labels(), stack.starts(), stack.layers().stream()
                .filter(layer -> layer.values().stream().anyMatch(v -> v.signum() != 0)).toList());
        int n = drawn.buckets();
        List<XYChart.Series<Number, Number>> series = new ArrayList<>(drawn.layers().size());
        for (ChartStack.Layer layer : drawn.layers()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(n);
            List<BigDecimal> values = layer.values();
            for (int i = 0; i < n; i++) {
                points.add(new XYChart.Data<>(i, values.get(i).doubleValue()));
            }
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name(layer));
            s.getData().setAll(points);
            series.add(s);
        }
        timeAxis.setLowerBound(0);
        timeAxis.setUpperBound(Math.max(1, n - 1));
        timeAxis.setTickUnit(Math.max(1, Math.ceil((n - 1) / 8.0)));
        hover.setVisible(false);
        chart.getData().setAll(series);
        for (int i = 0; i < series.size(); i++) {
            String source = sourceClass(drawn.layers().get(i));
            if (source != null) {
                series.get(i).getNode().lookupAll(".chart-series-area-fill, .chart-series-area-line")
                        .forEach(node -> node.getStyleClass().add(source));
            }
        }
        showLegend();
    }

    /** Renewable and grid energy keep their meaning's colours (green, grey) whatever the theme's palette. */
    private static String sourceClass(ChartStack.Layer layer) {
        return switch (layer.key()) {
            case RENEWABLE -> "energy-renewable";
            case GRID -> "energy-grid";
            default -> null;
        };
    }

    /**
     * The chart with its legend as it is printed: dark text and lines on white paper and the same colours in every
     * theme, at {@code scale} times the screen's resolution. Taken on the UI thread; the screen is not redrawn in
     * between, so the print look never shows.
     */
    WritableImage printImage(double scale) {
        getStyleClass().add(PRINT);
        applyCss();
        layout();
        try {
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setTransform(Transform.scale(scale, scale));
            return snapshot(parameters, null);
        } finally {
            getStyleClass().remove(PRINT);
            applyCss();
            layout();
        }
    }

    private void showLegend() {
        legend.getChildren().clear();
        for (int i = 0; i < drawn.layers().size(); i++) {
            Region symbol = new Region();
            // The chart's own colour classes, so the legend and the areas always agree (and follow the theme).
            symbol.getStyleClass().addAll("chart-area-symbol", "series" + i, "area-legend-symbol", "default-color" + (i % 8));
            String source = sourceClass(drawn.layers().get(i));
            if (source != null) {
                symbol.getStyleClass().add(source);
            }
            symbol.setMinSize(10, 10);
            symbol.setMaxSize(10, 10);
            Label item = new Label(name(drawn.layers().get(i)), symbol);
            item.getStyleClass().add("energy-chart-legend-item");
            legend.getChildren().add(item);
        }
    }

    /** Redraws in the current language (layer names and number formats). */
    void relabel() {
        for (int i = 0; i < chart.getData().size() && i < drawn.layers().size(); i++) {
            chart.getData().get(i).setName(name(drawn.layers().get(i)));
        }
        showLegend();
        kwhAxis.requestAxisLayout();
        timeAxis.requestAxisLayout();
    }

    /** What is drawn: the buckets after merging. */
    ChartStack drawn() {
        return drawn;
    }

    StackedAreaChart<Number, Number> chart() {
        return chart;
    }

    /** The hover text of a drawn bucket: its name, each layer's energy (largest first) and their sum. */
    String hoverText(int bucket) {
        StringBuilder text = new StringBuilder(drawn.labels().get(bucket));
        for (ChartStack.Layer layer : drawn.layers()) {
            BigDecimal value = layer.values().get(bucket);
            if (value.signum() != 0) {
                text.append('\n').append(name(layer)).append(": ").append(Formats.kwh(value, i18n.locale()));
            }
        }
        text.append('\n').append(i18n.get("energy.chart.facility")).append(": ")
                .append(Formats.kwh(drawn.bucketTotal(bucket), i18n.locale()));
        return text.toString();
    }

    private void track(MouseEvent e) {
        int n = drawn.buckets();
        if (n == 0) {
            hover.setVisible(false);
            return;
        }
        Point2D onAxis = timeAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
        double value = timeAxis.getValueForDisplay(onAxis.getX()).doubleValue();
        int bucket = (int) Math.round(value);
        if (bucket < 0 || bucket >= n || onAxis.getX() < 0 || onAxis.getX() > timeAxis.getWidth()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(hoverText(bucket));
        hover.autosize();
        Point2D here = plot.sceneToLocal(e.getSceneX(), e.getSceneY());
        double x = here.getX() + 14;
        if (x + hover.getWidth() > plot.getWidth()) {
            x = here.getX() - 14 - hover.getWidth();
        }
        hover.relocate(Math.max(0, x), Math.max(0, here.getY() - hover.getHeight() / 2));
        hover.setVisible(true);
    }

    private String tickLabel(double value) {
        int bucket = (int) Math.round(value);
        if (Math.abs(value - bucket) > 1e-6 || bucket < 0 || bucket >= drawn.buckets()) {
            return "";
        }
        String label = drawn.labels().get(bucket);
        int range = label.indexOf(" \u2013 ");
        return range < 0 ? label : label.substring(0, range);
    }

    private String name(ChartStack.Layer layer) {
        return switch (layer.key()) {
            case OTHER -> i18n.get("energy.chart.other");
            case RENEWABLE -> i18n.get("energy.chart.renewable");
            case GRID -> i18n.get("energy.chart.grid");
            default -> layer.label(i18n.locale());
        };
    }
}
