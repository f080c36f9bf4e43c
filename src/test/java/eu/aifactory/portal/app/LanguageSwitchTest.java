package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.energy.EnergyPeriod;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.testing.FlowPortal;
import eu.aifactory.server.ServerConfig;
import eu.aifactory.testing.TestClock;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The whole portal headless against the embedded factory, signed in as the demo tenant admin (who sees every page):
 * every page opened in English, a workload's detail open, a custom Energy period typed in, and the submit dialog
 * open; then the language is switched to German. Nothing on screen may still read as the English bundle has it
 * (where German differs), nor as JavaFX's own English ("No content in table", "OK", "Cancel"), nor carry an English
 * date ("5 Dec 2026") or amount ("€0.03"): not in the open dialog, not on any page opened before the switch.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    private static final String ADMIN = "mp-thomas-mueller";
    private static final String APP = "visual-quality-inspection";
    private static final Path BUNDLES = Path.of("src/main/resources/eu/aifactory/portal");
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "\\b\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}\\b|\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Pattern ENGLISH_AMOUNT = Pattern.compile("€\\s?\\d|\\d,\\d{3}\\.\\d");
    /** JavaFX's own English: the empty table's text anywhere, the default dialog buttons on buttons. */
    private static final String JAVAFX_PLACEHOLDER = "No content in table";
    private static final List<String> JAVAFX_BUTTONS = List.of("OK", "Cancel");

    private static DemoFactoryStarter.Running factory;
    private static List<Pattern> english;
    private AppContext context;

    @BeforeAll
    static void startFactory() throws Exception {
        factory = EmbeddedFactory.starter(ServerConfig.inMemory(true, 60), TestClock.clock()).start();
        english = englishOnlyTexts();
    }

    @AfterAll
    static void stopFactory() throws Exception {
        factory.stopper().close();
    }

    @Start
    void start(Stage stage) throws IOException {
        context = FlowPortal.builder(FlowPortal.dataDir("language-switch", "en"), factory).build();
        context.start();
        new PortalWindow(stage, context.shellServices()).show();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void switchingToGermanLeavesNoEnglishOnAnyPageNorInTheOpenSubmitDialog(FxRobot robot) throws Exception {
        await(30, () -> robot.lookup("#demo-user-" + ADMIN).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#demo-user-" + ADMIN);
        await(30, () -> robot.lookup("#header-tenant").tryQuery().isPresent());

        // Every page once in English, with what a user leaves open: a workload's detail, a custom energy period.
        page(robot, KeyCode.DIGIT2, "Workloads");
        await(30, () -> !robot.lookup("#workloads-table").queryAs(TableView.class).getItems().isEmpty());
        robot.doubleClickOn(robot.lookup("#workloads-table .table-row-cell").nth(0).queryAs(Node.class));
        await(20, () -> robot.lookup("#workload-detail").tryQuery().isPresent());
        page(robot, KeyCode.DIGIT3, "Energy");
        robot.interact(() -> robot.lookup("#energyPeriod").queryAs(ComboBox.class).setValue(EnergyPeriod.CUSTOM));
        robot.interact(() -> {
            DatePicker from = robot.lookup("#energyFrom").queryAs(DatePicker.class);
            from.getEditor().setText("01/11/2026");
            from.commitValue();
        });
        page(robot, KeyCode.DIGIT4, "Residency");
        page(robot, KeyCode.DIGIT5, "Usage");
        page(robot, KeyCode.DIGIT6, "Admin");
        page(robot, KeyCode.DIGIT7, "Settings");
        page(robot, KeyCode.DIGIT1, "Catalog");
        await(30, () -> robot.lookup("#catalogSearch").tryQuery().isPresent());
        robot.clickOn("#catalogSearch").write("visual quality");
        await(30, () -> robot.lookup("#tile-" + APP).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#tile-" + APP);
        await(20, () -> robot.lookup("#submitWorkload").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#submitWorkload");
        await(10, () -> robot.lookup("#submit-dialog").tryQuery().isPresent());
        await(20, () -> !robot.lookup("#estimate-cost").queryAs(Labeled.class).getText().isEmpty());

        robot.interact(() -> context.shellServices().i18n().localeProperty().set(I18n.GERMAN));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> left = new ArrayList<>(englishOnScreen("submit dialog and catalog"));
        robot.clickOn("#submit-cancel");
        await(10, () -> robot.lookup("#submit-dialog").tryQuery().isEmpty());
        left.addAll(englishOnScreen("catalog"));
        for (KeyCode key : List.of(KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6,
                KeyCode.DIGIT7)) {
            robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            left.addAll(englishOnScreen(robot.lookup("#page-title").queryAs(Labeled.class).getText()));
            if (key == KeyCode.DIGIT3) {
                // The period list as it opens: every entry in German, none left from before the switch.
                robot.clickOn("#energyPeriod");
                WaitForAsyncUtils.waitForFxEvents();
                left.addAll(englishOnScreen("energy period list"));
                robot.type(KeyCode.ESCAPE);
            }
        }

        assertThat(left).as("English left on screen after switching to German").isEmpty();
    }

    private static void page(FxRobot robot, KeyCode digit, String title) throws TimeoutException {
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        await(20, () -> title.equals(robot.lookup("#page-title").queryAs(Labeled.class).getText()));
    }

    /** Every visible text in every open window that reads as English, with where it was seen. */
    private static List<String> englishOnScreen(String where) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window.isShowing() && window.getScene() != null) {
                    collect(window.getScene().getRoot(), where, found);
                }
            }
            return found;
        }).get(20, TimeUnit.SECONDS);
    }

    private static void collect(Node node, String where, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        List<String> texts = new ArrayList<>();
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            texts.add(input.getText());
            if (input.getText() == null || input.getText().isEmpty()) {
                texts.add(input.getPromptText());
            }
        }
        for (String text : texts) {
            if (text != null && !text.isBlank() && (isEnglish(text.strip())
                    || node instanceof Button && JAVAFX_BUTTONS.contains(text.strip()))) {
                found.add(where + ": " + node.getClass().getSimpleName()
                        + (node.getId() == null ? "" : "#" + node.getId()) + " \"" + text + "\"");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, where, found);
            }
        }
    }

    private static boolean isEnglish(String text) {
        return JAVAFX_PLACEHOLDER.equals(text) || ENGLISH_DATE.matcher(text).find() || ENGLISH_AMOUNT.matcher(text).find()
                || english.stream().anyMatch(pattern -> pattern.matcher(text).matches());
    }

    /**
     * The English bundle's texts that German words differently, as patterns: a MessageFormat argument matches any
     * text. Texts whose fixed part is too short to tell a language apart ("{0} · {1}") are left out.
     */
    private static List<Pattern> englishOnlyTexts() throws IOException {
        Properties en = bundle("messages.properties");
        Properties de = bundle("messages_de.properties");
        List<Pattern> patterns = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key);
            if (text.equals(de.getProperty(key))) {
                continue;
            }
            String[] parts = text.replace("''", "'").split("\\{\\d+[^}]*}", -1);
            if (String.join("", parts).replaceAll("[^\\p{L}]", "").length() < 4) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : "(?s).+").append(Pattern.quote(parts[i]));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return patterns;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void await(long seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
