package eu.aifactory.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dates typed into a picker in the user's language: 01.11.2026 in German, 01/11/2026 in the portal's (British)
 * English, an error next to the field instead of an exception for anything else, and a calendar in the language.
 */
@ExtendWith(ApplicationExtension.class)
class DateInputTest {

    private final I18n i18n = new I18n(I18n.GERMAN);
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final Locale formatLocale = Locale.getDefault(Locale.Category.FORMAT);
    private Thread.UncaughtExceptionHandler previousHandler;
    private DatePicker picker;
    private DateInput input;

    @Start
    void start(Stage stage) {
        previousHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        picker = new DatePicker();
        picker.setId("picker");
        input = DateInput.attach(picker, i18n);
        Label other = new Label("elsewhere");
        other.setFocusTraversable(true);
        other.setId("elsewhere");
        stage.setScene(new Scene(new VBox(8, picker, other), 400, 300));
        stage.show();
    }

    @AfterEach
    void restore() throws Exception {
        Locale.setDefault(Locale.Category.FORMAT, formatLocale);
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(previousHandler)).get();
    }

    private void type(FxRobot robot, String text) {
        robot.interact(() -> {
            picker.getEditor().setText(text);
            picker.commitValue();
        });
    }

    @Test
    void germanDatesAreDayMonthYearWithDots() {
        assertThat(DateInput.parse("01.11.2026", I18n.GERMAN)).contains(LocalDate.of(2026, 11, 1));
        assertThat(DateInput.parse("1.11.2026", I18n.GERMAN)).contains(LocalDate.of(2026, 11, 1));
        assertThat(DateInput.parse("2026-11-01", I18n.GERMAN)).contains(LocalDate.of(2026, 11, 1));
        assertThat(DateInput.parse("11/1/2026", I18n.GERMAN)).isEmpty();
        assertThat(DateInput.parse("31.02.2026", I18n.GERMAN)).as("no 31 February").isEmpty();
        assertThat(DateInput.printFormat(I18n.GERMAN).format(LocalDate.of(2026, 11, 1))).isEqualTo("01.11.2026");
    }

    @Test
    void englishDatesAreBritishDayFirstWithSlashes() {
        assertThat(DateInput.parse("01/11/2026", I18n.ENGLISH)).contains(LocalDate.of(2026, 11, 1));
        assertThat(DateInput.parse("11/1/2026", I18n.ENGLISH)).contains(LocalDate.of(2026, 1, 11));
        assertThat(DateInput.parse("01.11.2026", I18n.ENGLISH)).isEmpty();
        assertThat(DateInput.printFormat(I18n.ENGLISH).format(LocalDate.of(2026, 11, 1))).isEqualTo("01/11/2026");
    }

    @Test
    void typingAGermanDateSetsItAndAnEnglishOneAfterTheSwitch(FxRobot robot) {
        type(robot, "01.11.2026");
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(picker.getEditor().getText()).isEqualTo("01.11.2026");
        assertThat(input.errorProperty().get()).isNull();

        robot.interact(() -> i18n.localeProperty().set(I18n.ENGLISH));
        assertThat(picker.getEditor().getText()).as("the shown date follows the switch").isEqualTo("01/11/2026");

        type(robot, "11/1/2026");
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 1, 11));
        assertThat(uncaught).isEmpty();
    }

    @Test
    void textThatIsNoDateShowsAFieldErrorKeepsTheDateAndThrowsNothing(FxRobot robot) {
        type(robot, "01.12.2026");
        robot.interact(() -> picker.getEditor().setText("32.13.2026"));
        // Leaving the field commits its text, as a user does by clicking elsewhere.
        robot.interact(() -> robot.lookup("#elsewhere").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(uncaught).as("no DateTimeParseException on the FX thread").isEmpty();
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(input.errorProperty().get()).isEqualTo("„32.13.2026“ ist kein Datum: bitte als TT.MM.JJJJ "
                + "eingeben, zum Beispiel 01.11.2026.");
        assertThat(picker.getPseudoClassStates()).extracting(Object::toString).contains("danger");

        robot.interact(() -> i18n.localeProperty().set(I18n.ENGLISH));
        assertThat(input.errorProperty().get()).as("the error follows the switch").startsWith("\"32.13.2026\" is not a date");

        type(robot, "02/12/2026");
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(input.errorProperty().get()).isNull();
        assertThat(picker.getPseudoClassStates()).extracting(Object::toString).doesNotContain("danger");
    }

    @Test
    void theCalendarIsGermanAndStartsOnMondayAndFollowsTheSwitch(FxRobot robot) {
        // A Sunday-first format locale, as on a US system: the picker must not take its calendar from it.
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        type(robot, "01.12.2026");

        robot.interact(picker::show);
        assertThat(dayNames(robot).get(0)).startsWith("Mo");
        assertThat(monthLabel(robot)).isEqualTo("Dezember");
        robot.interact(picker::hide);

        robot.interact(() -> i18n.localeProperty().set(I18n.ENGLISH));
        robot.interact(picker::show);
        assertThat(monthLabel(robot)).isEqualTo("December");
        assertThat(dayNames(robot).get(0)).as("British weeks start on Monday too").startsWith("Mo");
        robot.interact(picker::hide);
    }

    private static List<String> dayNames(FxRobot robot) {
        return robot.lookup(".day-name-cell").queryAllAs(DateCell.class).stream()
                .filter(Node::isVisible)
                .sorted(java.util.Comparator.comparingDouble(cell -> cell.localToScene(0, 0).getX()))
                .map(DateCell::getText).toList();
    }

    private static String monthLabel(FxRobot robot) {
        return robot.lookup(".month-year-pane .spinner-label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(text -> !text.matches("\\d+")).findFirst().orElseThrow();
    }
}
