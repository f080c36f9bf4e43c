package eu.aifactory.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

    private static final Path SERVER_SOURCES = Path.of("src/main/java/eu/aifactory/server");
    /** A key written as a literal in the server's code (the keys of problems, field errors and admin actions). */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:problem|field|action)\\.[A-Za-z0-9.]+)\"");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "de-DE,de;q=0.9,en;q=0.8 | de",
            "fr                      | en",
            "en;q=0.1, de;q=0.5      | de",
            "de                      | de",
            "de-AT                   | de",
            "DE                      | de",
            "en-US,en;q=0.9          | en",
            "fr-FR, de;q=0.3         | de",
            "de;q=0, en              | en",
            "de;q=0                  | en",
            "*                       | en",
            "de;q=banana             | en",
            "'   '                   | en",
            "NULL                    | en"})
    void acceptLanguagePicksTheBestSupportedLanguageElseEnglish(String header, String expected) {
        assertThat(Messages.negotiate(header).toLanguageTag()).isEqualTo(expected);
    }

    @Test
    void anOverlongHeaderIsNotParsedAndGetsEnglish() {
        assertThat(Messages.negotiate("de," + "x-private;q=0.1,".repeat(100))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(load("messages_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyTextIsAValidMessageFormatWithoutStrayApostrophes() {
        for (String bundle : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                new MessageFormat(text);
                // A single ' starts a quoted span in MessageFormat and would swallow the arguments after it.
                assertThat(text.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                assertThat(text).as(bundle + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyTheServerUsesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SERVER_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Set<String> titles = Stream.of(ProblemType.values()).map(MessagesTest::titleKey).collect(Collectors.toSet());
        Set<String> defined = new TreeSet<>(load("messages.properties").stringPropertyNames());
        assertThat(defined).containsAll(used).containsAll(titles);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        unused.removeAll(titles);
        assertThat(unused).as("keys no code uses").isEmpty();
    }

    @Test
    void englishTitlesAreTheProblemTypesTitles() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(Messages.title(type, Locale.ENGLISH)).isEqualTo(type.title());
            assertThat(Messages.title(type, Locale.GERMAN)).isNotEqualTo(type.title());
        }
    }

    @Test
    void argumentsAreFormattedPerLanguageAndNestedTextsInTheSameLanguage() {
        Text budget = Text.of("problem.budgetExceeded", new BigDecimal("1234.5"), "prj-1", "2026-11", BigDecimal.ZERO,
                new BigDecimal("10"), new BigDecimal("0.5"), new BigDecimal("-10.5"), Text.of("problem.budgetExceeded.anyAdmin"));
        assertThat(Messages.render(budget, Locale.ENGLISH))
                .startsWith("This run's estimate of EUR 1,234.50 would take project prj-1 over its budget for 2026-11")
                .endsWith("EUR -10.50 left. Ask a tenant admin to raise the budget or grant a one-off override.");
        assertThat(Messages.render(budget, Locale.GERMAN))
                .startsWith("Die Schätzung dieses Laufs von 1.234,50 € würde das Budget von Projekt prj-1 für 2026-11")
                .endsWith("-10,50 € übrig. Bitten Sie einen Mandanten-Admin, das Budget zu erhöhen oder eine einmalige "
                        + "Freigabe zu erteilen.");
        assertThat(Messages.render(Text.of("field.atMostValue", new BigDecimal("0.9"), " px"), Locale.GERMAN))
                .isEqualTo("darf höchstens 0,9 px sein");
        assertThat(Messages.render(Text.of("field.maxLength", 10_000), Locale.ENGLISH))
                .isEqualTo("must be at most 10000 characters");
    }

    @Test
    void theExceptionMessageIsEnglishForLogs() {
        ProblemException e = ProblemException.validation("roles", "field.roles");
        assertThat(e.getMessage()).isEqualTo("roles: must name at least one role");
        assertThat(Messages.render(e.detail(), Locale.GERMAN)).isEqualTo("roles: muss mindestens eine Rolle nennen");
    }

    private static String titleKey(ProblemType type) {
        return "title." + type.uri().substring(type.uri().lastIndexOf('/') + 1);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/eu/aifactory/server/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
