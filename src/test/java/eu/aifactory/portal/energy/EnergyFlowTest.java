package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.app.AppContext;
import eu.aifactory.portal.app.DemoFactoryStarter;
import eu.aifactory.portal.app.EmbeddedFactory;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Energy page headless (Monocle) in the whole portal against the real embedded factory (in memory, demo data)
 * over HTTP, as an account manager uses it: open Energy, change the period, stack the chart by project, open a
 * receipt, export CSV and PDF to paths the test supplies in place of the file dialog. No client call on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class EnergyFlowTest {

    private static DemoFactoryStarter.Running factory;
    private final List<String> callsOnFxThread = new CopyOnWriteArrayList<>();
    private AppContext context;
    private Path exports;

    @BeforeAll
    static void startFactory() throws Exception {
        factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
    }

    @AfterAll
    static void stopFactory() throws Exception {
        factory.stopper().close();
    }

    @Start
    void start(Stage stage) throws IOException {
        Path dataDir = FlowPortal.dataDir("energy-flow", "de");
        exports = Files.createDirectories(dataDir.resolve("exports"));
        context = FlowPortal.builder(dataDir, factory)
                .connector(FlowPortal.guardedConnector(callsOnFxThread))
                .build();
        context.start();
        new PortalWindow(stage, context.shellServices()).show();
        stage.setWidth(1280);
        stage.setHeight(900);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void periodStackingReceiptAndBothExportsAgainstTheRealFactory(FxRobot robot) throws Exception {
        await(30, () -> robot.lookup("#demo-user-mp-sabine-koehler").tryQuery().isPresent());
        robot.clickOn("#demo-user-mp-sabine-koehler");
        await(30, () -> robot.lookup("#nav-" + Page.ENERGY).tryQuery().isPresent());
        robot.clickOn("#nav-" + Page.ENERGY);

        // Last quarter first; then this year, in German.
        await(30, () -> rows(robot) > 0);
        robot.interact(() -> robot.lookup("#energyPeriod").queryAs(ComboBox.class)
                .setValue(EnergyPeriod.THIS_YEAR));
        await(30, () -> !busy(robot) && rows(robot) > 0);
        String facility = robot.lookup("#kpiFacilityKwhValue").queryAs(Label.class).getText();
        assertThat(facility).matches("[0-9.]+,\\d\u00a0kWh");

        // Stacked by project: every layer is one of the tenant's projects.
        XYChart<?, ?> chart = robot.lookup("#energyChart").queryAs(XYChart.class);
        List<String> byApplication = names(chart);
        robot.clickOn("#energyStack-project");
        await(30, () -> !busy(robot) && !names(chart).isEmpty() && !names(chart).equals(byApplication));
        assertThat(robot.lookup("#energyStack-project").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(names(chart)).isNotEmpty().doesNotContain("Sonstige");
        assertThat(robot.lookup("#kpiFacilityKwhValue").queryAs(Label.class).getText()).isEqualTo(facility);

        // The receipt of the first workload, step by step.
        TableView<?> table = robot.lookup("#energyTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        await(30, () -> robot.lookup("#energyReceiptClose").tryQuery().isPresent()
                && robot.lookup(".energy-receipt-step").queryAll().size() > 3);
        robot.clickOn("#energyReceiptClose");

        // Both exports, to paths the test gives instead of the file dialog.
        EnergyView view = robot.lookup(".energy-view").queryAs(EnergyView.class);
        robot.interact(() -> view.setSaveChooser((suggested, owner) -> exports.resolve(suggested)));
        robot.clickOn("#energyExportCsv");
        await(30, () -> exported(".csv") != null && !robot.lookup("#energyExportCancel").queryAs(Node.class).isVisible());
        robot.clickOn("#energyExportPdf");
        await(60, () -> exported(".pdf") != null && !robot.lookup("#energyExportCancel").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#energyStatus").queryAs(Label.class).getText()).endsWith(".pdf gespeichert.");

        Path csv = exported(".csv");
        List<List<String>> parsed = EnergyCsvTest.parse(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(parsed.get(0)).isEqualTo(EnergyCsv.HEADER);
        assertThat(parsed).hasSize(rows(robot) + 1);
        BigDecimal csvFacility = parsed.stream().skip(1).map(r -> new BigDecimal(r.get(7)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(facility.replace("\u00a0kWh", "")).isEqualTo(
                eu.aifactory.portal.i18n.Formats.number(csvFacility, 1, Locale.GERMANY));

        try (PDDocument pdf = Loader.loadPDF(exported(".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
            assertThat(text).contains("Energie- und Emissionsbericht", "Müller Präzisionsteile GmbH",
                    facility.replace('\u00a0', ' '), "Seite 1 von " + pdf.getNumberOfPages(), "Summe");
        }
        try (var files = Files.list(exports)) {
            assertThat(files).hasSize(2);
        }
        assertThat(callsOnFxThread).isEmpty();
    }

    private Path exported(String extension) throws IOException {
        try (var files = Files.list(exports)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).findFirst().orElse(null);
        }
    }

    private static List<String> names(XYChart<?, ?> chart) {
        return chart.getData().stream().map(XYChart.Series::getName).toList();
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#energyTable").tryQuery().map(n -> ((TableView<?>) n).getItems().size()).orElse(0);
    }

    private static boolean busy(FxRobot robot) {
        return robot.lookup("#energyBusy").tryQuery().map(Node::isVisible).orElse(true);
    }

    private static void await(long seconds, Check condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.holds();
            } catch (IOException e) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws IOException;
    }
}
