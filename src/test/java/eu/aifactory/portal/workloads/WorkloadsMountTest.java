package eu.aifactory.portal.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.client.FactoryClient.ConnectionState;
import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
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
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The mounting: the catalog's Submit button opens the dialog; signing out closes the session's event stream. */
@ExtendWith(ApplicationExtension.class)
class WorkloadsMountTest {

    private final ScriptedClient client = new ScriptedClient();
    private final SimpleObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final List<String> navigated = new ArrayList<>();
    private FxTaskExecutor executor;
    private WorkloadsMount mount;
    private Page catalog;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        client.fake.apps(List.of(Samples.app())).plans(Samples.plans()).onEstimate(r -> Samples.estimate("1.00"));
        executor = new FxTaskExecutor();
        session.set(new Session(URI.create("http://127.0.0.1:1"), client, FakeFactoryClient.demoMe(), true));
        PageContext context = new PageContext(session.get(), new I18n(I18n.ENGLISH), executor,
                new ConnectionMonitor(executor, Clock.systemUTC(), Duration.ofMinutes(5), 3),
                Files.createTempDirectory("workloads-mount"), navigated::add,
                TestClock.clock());
        mount = new WorkloadsMount(session, () -> true);
        catalog = mount.withSubmit(new CatalogPage(context), context);
        stage.setScene(new Scene(new StackPane(catalog.view()), 1000, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    @Test
    void theCatalogsSubmitButtonOpensTheGeneratedForm(FxRobot robot) throws TimeoutException {
        CatalogPage page = (CatalogPage) catalog;
        assertThat(page.catalogView().onSubmitRequestedProperty().get()).isNotNull();

        robot.interact(() -> page.catalogView().onSubmitRequestedProperty().get()
                .accept(Samples.app(), Samples.version()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#submit-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#param-threshold").tryQuery()).isPresent();
    }

    @Test
    void signingOutClosesTheSessionsEventStream(FxRobot robot) throws TimeoutException {
        WorkloadsFeature feature = mount.current();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> client.events != null);

        robot.interact(() -> session.set(null));

        assertThat(mount.current()).isNull();
        assertThat(feature.events().stateProperty().get()).isEqualTo(ConnectionState.CLOSED);
    }
}
