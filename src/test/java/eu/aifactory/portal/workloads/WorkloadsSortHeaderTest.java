package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.portal.testing.FxReads;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The table's headers sort on the factory: a sort asks for a new first page and never reorders the loaded rows. Its
 * application and plan columns name them as the catalog does, not by their ids.
 */
@ExtendWith(ApplicationExtension.class)
class WorkloadsSortHeaderTest {

    private final ScriptedClient client = new ScriptedClient();
    private FxTaskExecutor executor;
    private WorkloadsPage page;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        List<Workload> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(Samples.workload("wl-" + i, WorkloadStatus.SUCCEEDED, "u-anna", Samples.T0.plusSeconds(i * 60L)));
        }
        client.fake.workloads(rows).apps(List.of(Samples.app())).plans(Samples.plans());
        executor = new FxTaskExecutor();
        Session session = new Session(URI.create("http://127.0.0.1:1"), client, FakeFactoryClient.demoMe(), true);
        PageContext context = new PageContext(session, new I18n(I18n.ENGLISH), executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3),
                Files.createTempDirectory("workloads-sort"), id -> { }, TestClock.clock());
        page = (WorkloadsPage) new WorkloadsMount(new SimpleObjectProperty<>(session), () -> false).page(context);
        stage.setScene(new Scene(new StackPane(page.view()), 1200, 600));
        stage.show();
        page.onShow();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    @Test
    void clickingSortableHeadersAsksTheFactoryForThatOrder(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !client.queries.isEmpty());
        TableView<Workload> table = page.workloadsView().table();
        List<String> before = table.getItems().stream().map(Workload::id).toList();
        TableColumn<Workload, ?> cost = column(table, "col-cost");
        TableColumn<Workload, ?> status = column(table, "col-status");

        robot.interact(() -> {
            cost.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(cost));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "costEur".equals(lastSort()));
        robot.interact(() -> cost.setSortType(TableColumn.SortType.ASCENDING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "-costEur".equals(lastSort()));
        robot.interact(() -> table.getSortOrder().setAll(List.of(status)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "status".equals(lastSort()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(client.queries.get(client.queries.size() - 1).cursor()).isNull();
        assertThat(table.getItems().stream().map(Workload::id).toList())
                .as("rows stay in the factory's order").isEqualTo(before);
        assertThat(column(table, "col-duration").isSortable()).as("duration grows while running").isFalse();
        assertThat(column(table, "col-name").isSortable()).isFalse();

        robot.interact(() -> table.getSortOrder().clear());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastSort() == null);
    }

    @Test
    void applicationsAndPlansAreShownByTheirNamesNotTheirIds(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).contains("Visual inspection 2.1.0"));

        List<String> shown = cellTexts(robot);

        assertThat(shown).contains("B200 single").noneMatch(text -> text.contains(Samples.APP_ID))
                .doesNotContain("b200-x1");
    }

    private static List<String> cellTexts(FxRobot robot) {
        return FxReads.onFx(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .map(TableCell::getText).filter(text -> text != null).toList());
    }

    private String lastSort() {
        return client.queries.isEmpty() ? "none" : client.queries.get(client.queries.size() - 1).sort();
    }

    private static TableColumn<Workload, ?> column(TableView<Workload> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
