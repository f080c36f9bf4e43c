package eu.aifactory.portal.catalog;

import static eu.aifactory.portal.catalog.SeedCatalog.INSPECTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppSummary;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The catalog page on its own, headless, with the real background executor and a fake factory. */
@ExtendWith(ApplicationExtension.class)
class CatalogViewTest {

    private final FakeCatalogClient client = FakeCatalogClient.seed();
    private FxTaskExecutor executor;
    private I18n i18n;
    private CatalogViewModel viewModel;
    private CatalogView view;
    private Path cacheDir;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        cacheDir = Files.createTempDirectory("catalog-view-test");
        executor = new FxTaskExecutor();
        i18n = new I18n(I18n.GERMAN);
        viewModel = new CatalogViewModel(client, executor, i18n, new CatalogCache(cacheDir), Clock.systemUTC());
        view = new CatalogView(viewModel, i18n);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.onShow();
    }

    @AfterEach
    void tearDown() throws IOException {
        executor.shutdown();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> ids(List<AppSummary> apps) {
        return apps.stream().map(AppSummary::id).toList();
    }

    /** Visible with all its ancestors: the grid keeps spare cells of earlier results in hidden rows. */
    private static boolean shown(Node node) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The texts a table shows: plain cell texts and the labels inside custom cells. */
    private static List<String> cellTexts(FxRobot robot, String table) {
        List<String> texts = new ArrayList<>();
        for (TableCell<?, ?> cell : robot.lookup(table + " .table-cell").queryAllAs(TableCell.class)) {
            if (cell.getText() != null) {
                texts.add(cell.getText());
            }
        }
        robot.lookup(table + " .table-cell .label").queryAllAs(Label.class).forEach(label -> texts.add(label.getText()));
        return texts;
    }

    private void awaitLoaded() throws TimeoutException {
        await(() -> viewModel.stateProperty().get() == CatalogState.READY);
    }

    /** The catalog loaded and narrowed by a search to the inspection tile, which is then on screen. */
    private void showInspection(FxRobot robot) throws TimeoutException {
        awaitLoaded();
        robot.clickOn("#catalogSearch").write("visuelle").type(KeyCode.ENTER);
        await(() -> robot.lookup("#tile-" + INSPECTION_ID).match(CatalogViewTest::shown).tryQuery().isPresent());
    }

    @Test
    void germanSearchFacetAndDetailWorkWithMouseAndKeyboard(FxRobot robot) throws TimeoutException {
        awaitLoaded();

        robot.clickOn("#catalogSearch").write("Qualität");
        await(() -> viewModel.apps().size() < 37);
        assertThat(ids(viewModel.apps())).contains(INSPECTION_ID);
        assertThat(robot.lookup("#tile-" + INSPECTION_ID).tryQuery()).isPresent();
        int afterSearch = viewModel.apps().size();
        assertThat(robot.lookup("#resultCount").queryAs(Label.class).getText()).startsWith(afterSearch + " von 37");

        CheckBox inspection = robot.lookup("#facet-category-quality-inspection").queryAs(CheckBox.class);
        assertThat(inspection.getText()).startsWith("Qualitätsprüfung (");
        robot.clickOn(inspection);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.apps()).hasSizeLessThan(afterSearch)
                .allSatisfy(app -> assertThat(app.category()).isEqualTo("quality-inspection"));
        Set<AppTile> tiles = robot.lookup(".app-tile").match(CatalogViewTest::shown).queryAll();
        assertThat(tiles).filteredOn(tile -> !tile.isEmpty()).extracting(tile -> tile.getItem().id())
                .containsExactlyInAnyOrderElementsOf(ids(viewModel.apps()));

        robot.clickOn("#tile-" + INSPECTION_ID);
        await(() -> !robot.lookup("#parameterTable").queryAs(TableView.class).getItems().isEmpty());

        @SuppressWarnings("unchecked")
        TableView<ParameterSpec> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        assertThat(parameters.getItems()).extracting(ParameterSpec::name).contains("confidenceThreshold", "imageSize");
        assertThat(cellTexts(robot, "#parameterTable"))
                .contains("Konfidenzschwelle *", "Bildgröße *", "256\u2009–\u20094.096", "Ganzzahl", "px");
        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).isEqualTo("Visuelle Qualitätsprüfung");
        assertThat(cellTexts(robot, "#planTable")).contains("2,70\u00a0€", "850\u00a0W", "10,80\u00a0€");

        // Escape closes the detail; Enter on a focused tile opens it again.
        assertThat(view.getScene().getFocusOwner()).isInstanceOfSatisfying(AppTile.class,
                tile -> assertThat(tile.getItem().id()).isEqualTo(INSPECTION_ID));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#catalogDetail").tryQuery()).isEmpty();
        robot.clickOn("#catalogSearch").type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        AppTile focused = robot.lookup(".app-tile:focused").query();
        assertThat(focused.getItem()).isNotNull();
        robot.type(KeyCode.ENTER);
        await(() -> viewModel.detailProperty().get() != null);
        assertThat(robot.lookup("#catalogDetail").tryQuery()).isPresent();
    }

    @Test
    void theFactoryIsOnlyEverCalledOffTheFxThread(FxRobot robot) throws TimeoutException {
        showInspection(robot);
        robot.clickOn("#tile-" + INSPECTION_ID);
        await(() -> viewModel.detailProperty().get() != null);

        assertThat(client.calls()).isNotEmpty().extracting(FakeCatalogClient.Call::thread)
                .allSatisfy(thread -> assertThat(thread).startsWith("portal-worker"));
    }

    @Test
    void noMatchShowsTheDesignedEmptyStateAndResetRestoresTheTiles(FxRobot robot) throws TimeoutException {
        awaitLoaded();

        robot.clickOn("#catalogSearch").write("Kühlschrank").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#catalogEmpty").query().isVisible()).isTrue();
        assertThat(robot.lookup("#catalogGrid").query().isVisible()).isFalse();
        assertThat(robot.lookup("#emptyMessage").queryAs(Label.class).getText())
                .isEqualTo("Keine Anwendung passt zu „Kühlschrank“");

        robot.clickOn("#resetFilters");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#catalogGrid").query().isVisible()).isTrue();
        assertThat(robot.lookup("#catalogSearch").queryAs(TextField.class).getText()).isEmpty();
        assertThat(viewModel.apps()).hasSize(37);
    }

    @Test
    void aFactoryThatGoesAwayShowsTheOfflineBannerAndRetryRecovers(FxRobot robot) throws TimeoutException {
        showInspection(robot);
        assertThat(robot.lookup("#offlineBanner").query().isVisible()).isFalse();

        client.reachable(false);
        robot.clickOn("#tile-" + INSPECTION_ID);
        await(() -> viewModel.offlineProperty().get());

        assertThat(robot.lookup("#offlineBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#offlineText").queryAs(Label.class).getText()).startsWith("Offline — Katalog mit Stand vom ");
        assertThat(robot.lookup("#detailProblem").query().isVisible()).isTrue();

        client.reachable(true);
        robot.clickOn("#retryButton");
        await(() -> !viewModel.offlineProperty().get() && viewModel.detailProperty().get() != null);

        assertThat(robot.lookup("#offlineBanner").query().isVisible()).isFalse();
        assertThat(viewModel.detailProperty().get().summary().id()).isEqualTo(INSPECTION_ID);
    }

    @Test
    void submitIsDisabledUntilTheShellHandlesItThenHandsOverAppAndVersion(FxRobot robot) throws TimeoutException {
        showInspection(robot);
        robot.clickOn("#tile-" + INSPECTION_ID);
        await(() -> viewModel.detailProperty().get() != null);
        Button submit = robot.lookup("#submitWorkload").queryAs(Button.class);
        assertThat(submit.isDisabled()).isTrue();

        AtomicReference<String> submitted = new AtomicReference<>();
        robot.interact(() -> view.setOnSubmitRequested((AppDetail app, AppVersion version) ->
                submitted.set(app.summary().id() + "@" + version.version())));
        assertThat(submit.isDisabled()).isFalse();
        robot.clickOn(submit);

        assertThat(submitted.get()).isEqualTo(INSPECTION_ID + "@2.3.0");
    }

    @Test
    void switchingTheLanguageRelabelsThePage(FxRobot robot) throws TimeoutException {
        awaitLoaded();
        assertThat(robot.lookup("#catalogSearch").queryAs(TextField.class).getPromptText()).startsWith("Anwendungen suchen");

        robot.interact(() -> i18n.localeProperty().set(I18n.ENGLISH));

        assertThat(robot.lookup("#catalogSearch").queryAs(TextField.class).getPromptText()).startsWith("Search applications");
        assertThat(robot.lookup("#facet-category-quality-inspection").queryAs(CheckBox.class).getText())
                .startsWith("Quality inspection (");
        assertThat(robot.lookup("#resultCount").queryAs(Label.class).getText()).isEqualTo("37 of 37 applications");
    }

    @Test
    void aLongVendorFacetShowsItsTenMostFrequentVendorsUntilExpanded(FxRobot robot) throws TimeoutException {
        awaitLoaded();
        Set<CheckBox> collapsed = robot.lookup("#facet-vendor .check-box").queryAll();
        assertThat(collapsed).hasSize(FacetPanel.VENDORS_SHOWN);
        assertThat(robot.lookup("#facet-vendor-Factory_AI_Labs").tryQuery()).isPresent();

        robot.interact(() -> robot.lookup("#catalogFacets").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#facet-vendor-toggle");

        Set<CheckBox> expanded = robot.lookup("#facet-vendor .check-box").queryAll();
        assertThat(expanded).hasSize(viewModel.vendorFacet().size());
        assertThat(robot.lookup("#facet-category-toggle").query().isVisible()).isFalse();
    }

    @Test
    void focusSearchPutsTheCursorInTheSearchFieldWithItsTextSelected(FxRobot robot) throws TimeoutException {
        awaitLoaded();
        robot.clickOn("#catalogSearch").write("crash").type(KeyCode.ENTER);
        robot.clickOn("#tile-crash-surrogate");

        robot.interact(view::focusSearch);

        TextField search = robot.lookup("#catalogSearch").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        assertThat(search.getSelectedText()).isEqualTo("crash");
    }
}
