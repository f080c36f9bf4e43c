package eu.aifactory.portal.energy;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Energy page's site evidence at the minimum window width: long values wrap, none is cut with an ellipsis. */
@ExtendWith(ApplicationExtension.class)
class EnergyAuditViewTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String LONG_RECIPIENT = "Fernwärmenetz der Stadtwerke München, Einspeisung über die "
            + "Wärmepumpen am Tucherpark (Beispiel)";

    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FakeFactoryClient fake = EnergySamples.install(new FakeFactoryClient());
        fake.onEnergyReport((from, to, groupBy) -> AuditSamples.withAudit(EnergySamples.report(from, to, groupBy),
                AuditSamples.site(LONG_RECIPIENT)));
        fake.onStackedEnergyReport((from, to, groupBy, stackBy) -> AuditSamples.withAudit(
                EnergySamples.report(from, to, groupBy, stackBy), AuditSamples.site(LONG_RECIPIENT)));
        executor = new FxTaskExecutor();
        ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
        EnergyViewModel viewModel = new EnergyViewModel(fake, executor, monitor, NOW, EnergySamples.ZONE);
        stage.setScene(new Scene(new EnergyView(viewModel, new I18n(I18n.GERMAN)), 800, 600));
        stage.show();
        viewModel.load();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
    }

    @Test
    void theReusedHeatLineWrapsInsteadOfEndingInAnEllipsis(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#energySiteValue-4").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label heat = robot.lookup("#energySiteValue-4").queryAs(Label.class);

        assertThat(heat.getText()).endsWith(LONG_RECIPIENT);
        // What the label draws: its text node shows "…" in place of the end when the row is too short for it.
        String drawn = String.join("", heat.lookupAll(".text").stream().filter(Text.class::isInstance)
                .map(n -> ((Text) n).getText()).toList());
        assertThat(drawn.replace("\n", " ").replaceAll("\\s+", " ")).isEqualTo(heat.getText());
    }
}
