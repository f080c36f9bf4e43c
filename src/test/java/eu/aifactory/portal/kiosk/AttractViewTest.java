package eu.aifactory.portal.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Site;
import eu.aifactory.api.report.ResidencyReport.SiteRole;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The attract loop's residency scene names the sites in the stand's language, from the report's translations. */
@ExtendWith(ApplicationExtension.class)
class AttractViewTest {

    private static final Site MUNICH = new Site("muc-1", "Munich (Tucherpark)", "Munich", "DE", SiteRole.PRIMARY, true,
            48.137, 11.575, "Primary site", 1024, 3);
    private static final ResidencyReport REPORT = new ResidencyReport("rr-1", "1.0", null, null, null, null, null,
            List.of(MUNICH), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            Map.of("de", Map.of("Munich (Tucherpark)", "München (Tucherpark)", "Munich", "München")));
    private static final AttractData DATA = new AttractData(0, 0, null, null, null, null, REPORT, true, "kid-1", null,
            null);

    private final I18n i18n = new I18n(I18n.GERMAN);
    private AttractView view;

    @Start
    void start(Stage stage) {
        view = new AttractView(i18n);
        stage.setScene(new javafx.scene.Scene(view, 1200, 800));
        stage.show();
    }

    @Test
    void theResidencyMapNamesMunichInTheStandsLanguage(FxRobot robot) {
        robot.interact(() -> view.show(AttractLoop.Scene.RESIDENCY, DATA));
        assertThat(cityLabels(robot)).contains("München").doesNotContain("Munich");

        robot.interact(() -> {
            i18n.localeProperty().set(I18n.ENGLISH);
            view.show(AttractLoop.Scene.RESIDENCY, DATA);
        });
        assertThat(cityLabels(robot)).contains("Munich");
    }

    @Test
    void theVerdictNamesTheSigningKeyAsTheResidencyPageDoes(FxRobot robot) {
        AttractData signed = new AttractData(0, 0, null, null, null, null, REPORT, true,
                "02FC 0AEE 19B4 77C1 5D20 0399", null, null);

        robot.interact(() -> view.show(AttractLoop.Scene.RESIDENCY, signed));

        assertThat(robot.lookup("#attract-verified").queryAs(Label.class).getText())
                .isEqualTo("Signatur geprüft (Schlüssel 02FC 0AEE \u2026 0399)");
    }

    @Test
    void oneRunningWorkloadIsSingularInBothLanguages(FxRobot robot) {
        AttractData one = new AttractData(8, 1, null, null, null, null, REPORT, true, "kid-1", null, null);

        robot.interact(() -> view.show(AttractLoop.Scene.FACTORY_NOW, one));
        assertThat(texts(robot)).contains("GPUs belegt von 1 laufenden Workload");

        robot.interact(() -> {
            i18n.localeProperty().set(I18n.ENGLISH);
            view.show(AttractLoop.Scene.FACTORY_NOW, one);
        });
        assertThat(texts(robot)).contains("GPUs busy with 1 running workload");

        robot.interact(() -> view.show(AttractLoop.Scene.FACTORY_NOW,
                new AttractData(16, 2, null, null, null, null, REPORT, true, "kid-1", null, null)));
        assertThat(texts(robot)).contains("GPUs busy with 2 running workloads");
    }

    private List<String> texts(FxRobot robot) {
        return robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static List<String> cityLabels(FxRobot robot) {
        return robot.lookup("#attract-map").lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
    }
}
