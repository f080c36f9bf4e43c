package eu.aifactory.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the two bundles and the code in step: every key in both languages, every key used somewhere, every key the
 * code asks for defined. Reads the sources from {@code src/main/java}, so it runs from the project directory.
 *
 * <p>Keys the code builds at run time ({@code "role." + role.wire()}) are allowed by prefix: a key counts as used if
 * its prefix is in {@link #DYNAMIC_PREFIXES} and that prefix appears as a string literal in the code. Add a prefix
 * there, with the class that builds it, when a feature translates enum values or server keys.
 */
class I18nBundleTest {

    /** Prefixes of keys built at run time, and who builds them. */
    static final List<String> DYNAMIC_PREFIXES = List.of(
            "role.",      // ShellViewModel, SignInView: "role." + role.wire()
            "category.",  // CatalogLabels: "category." + the factory's category key
            "gpuClass.",  // CatalogLabels: "gpuClass." + the factory's GPU class key
            "workloads.reason.",   // WorkloadFormats: "workloads.reason." + the factory's status reason code
            "energy.weighting.",   // EnergyTexts: + an indicator's weighting basis, + "formula." + its name
            "energy.methodology.", // EnergyTexts: + a known methodology version
            "energy.rounding.",    // EnergyTexts: + a known methodology version
            "audit.action.",       // AuditView: + an audit action's wire code
            "audit.outcome.",      // AuditView: + an audit outcome's wire code
            "problem.field."       // RefusalText: + the wire name of a field the factory refused
    );

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/eu/aifactory/portal");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9-]+)+");
    /** Literals shaped like keys that are file names, not texts. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(json|css|png|svg|properties|enc|key|tmp|xml|ya?ml|csv|pdf|txt|log|html)");

    private static Properties english;
    private static Properties german;
    private static Set<String> literals;

    @BeforeAll
    static void load() throws IOException {
        english = bundle("messages.properties");
        german = bundle("messages_de.properties");
        literals = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            // The factory has its own bundles (server/messages*.properties, checked by MessagesTest).
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(SOURCES.resolve("eu/aifactory/server"))).toList()) {
                Matcher matcher = STRING_LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    literals.add(matcher.group(1));
                }
            }
        }
    }

    @Test
    void everyEnglishKeyHasAGermanText() {
        assertThat(difference(english, german)).as("keys missing in messages_de.properties").isEmpty();
    }

    @Test
    void everyGermanKeyHasAnEnglishText() {
        assertThat(difference(german, english)).as("keys missing in messages.properties").isEmpty();
    }

    @Test
    void noTextIsEmpty() {
        Set<String> empty = Stream.concat(english.entrySet().stream(), german.entrySet().stream())
                .filter(entry -> entry.getValue().toString().isBlank())
                .map(entry -> entry.getKey().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(empty).as("keys with an empty text").isEmpty();
    }

    @Test
    void everyKeyIsUsedInTheCode() {
        Set<String> unused = english.stringPropertyNames().stream()
                .filter(key -> !literals.contains(key))
                .filter(key -> DYNAMIC_PREFIXES.stream().noneMatch(prefix -> key.startsWith(prefix) && literals.contains(prefix)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("keys no code uses (delete them, or add a dynamic prefix)").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesIsDefined() {
        Set<String> namespaces = english.stringPropertyNames().stream()
                .map(key -> key.substring(0, key.indexOf('.') + 1)).collect(Collectors.toSet());
        Set<String> missing = literals.stream()
                .filter(literal -> KEY_SHAPE.matcher(literal).matches())
                .filter(literal -> !FILE_NAME.matcher(literal).matches())
                .filter(literal -> namespaces.stream().anyMatch(literal::startsWith))
                .filter(literal -> !DYNAMIC_PREFIXES.contains(literal))
                .filter(literal -> !english.containsKey(literal))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("keys the code asks for that no bundle defines").isEmpty();
    }

    @Test
    void dynamicPrefixesAreStillBuiltByTheCode() {
        assertThat(DYNAMIC_PREFIXES).allMatch(literals::contains, "appears as a literal in src/main/java");
    }

    @Test
    void germanTextsUseRealUmlautsNotTranscriptions() {
        Set<String> transcribed = german.entrySet().stream()
                .filter(entry -> entry.getValue().toString().matches(".*\\b\\w*(ae|oe|ue)\\w*\\b.*")
                        && entry.getValue().toString().matches(".*\\b(fuer|koennen|muessen|Schluessel|waehlen|pruefen|naechsten|geoeffnet)\\b.*"))
                .map(entry -> entry.getKey().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(transcribed).isEmpty();
    }

    @Test
    void germanTextsCallTheFactoryByOneNameInThePortalAndInTheFactorysAnswers() throws IOException {
        Properties server = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/eu/aifactory/server/messages_de.properties"),
                StandardCharsets.UTF_8)) {
            server.load(in);
        }
        Set<String> fabrik = Stream.concat(german.entrySet().stream(), server.entrySet().stream())
                .filter(entry -> entry.getValue().toString().contains("Fabrik"))
                .map(entry -> entry.getKey().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(fabrik).as("say \"Factory\", as the rest of the German texts and the brand do").isEmpty();
    }

    private static Set<String> difference(Properties a, Properties b) {
        return a.stringPropertyNames().stream().filter(key -> !b.containsKey(key))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
