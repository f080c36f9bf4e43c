package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Energy chart as the PDF gets it, taken from the dark theme: white paper, dark text, a legend. */
@ExtendWith(ApplicationExtension.class)
class EnergyChartPrintTest {

    private StackedEnergyChart chart;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        chart = new StackedEnergyChart(new I18n(I18n.GERMAN));
        StackPane page = new StackPane(chart);
        page.getStyleClass().add("energy-view");
        page.getStylesheets().add(Objects.requireNonNull(
                EnergyView.class.getResource("/eu/aifactory/portal/energy/energy.css")).toExternalForm());
        stage.setScene(new Scene(page, 700, 400));
        stage.show();
    }

    private static List<BigDecimal> values(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private void showAllRenewable(FxRobot robot) {
        ChartStack stack = new ChartStack(List.of("KW 1", "KW 2", "KW 3"),
                List.of(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-12T00:00:00Z"),
                        Instant.parse("2026-01-19T00:00:00Z")),
                List.of(new ChartStack.Layer(StackedEnergyChart.RENEWABLE, "renewable", values("120", "140", "90")),
                        new ChartStack.Layer(StackedEnergyChart.GRID, "grid", values("0", "0", "0"))));
        robot.interact(() -> chart.show(stack));
    }

    @Test
    void atAHundredPercentRenewableNoGridLayerIsDrawnOnTop(FxRobot robot) {
        showAllRenewable(robot);

        assertThat(chart.drawn().layers()).extracting(ChartStack.Layer::key).containsExactly(StackedEnergyChart.RENEWABLE);
        assertThat(chart.chart().getData()).hasSize(1);
    }

    @Test
    void thePrintedChartIsOnWhitePaperWithItsLegendWhateverTheTheme(FxRobot robot) {
        showAllRenewable(robot);
        AtomicReference<WritableImage> printed = new AtomicReference<>();
        AtomicReference<Color> screen = new AtomicReference<>();

        robot.interact(() -> {
            printed.set(chart.printImage(1));
            Label legendItem = (Label) chart.lookup(".energy-chart-legend-item");
            screen.set((Color) legendItem.getTextFill());
        });

        WritableImage image = printed.get();
        Color paper = image.getPixelReader().getColor(2, 2);
        assertThat(paper.getBrightness()).as("paper").isGreaterThan(0.95);
        assertThat(screen.get().getBrightness()).as("the screen keeps the dark theme's light text").isGreaterThan(0.6);
        assertThat(image.getHeight()).as("the legend is part of the picture")
                .isGreaterThan(chart.chart().getHeight());
        assertThat(chart.getStyleClass()).doesNotContain("energy-chart-print");
    }
}
