package eu.aifactory.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks requests and responses against {@code openapi/factory-api.yaml} with a JSON Schema validator
 * (networknt, OpenAPI 3.1 dialect = JSON Schema 2020-12), not by hand.
 *
 * <p>Every check returns a list of messages, empty when valid; the {@code assertValid...} variants throw an
 * {@link AssertionError} listing them. Schemas are addressed by JSON pointer into the document itself
 * ({@code classpath:openapi/factory-api.yaml#/paths/...}), so {@code $ref: '#/components/...'} resolves as the
 * document says. Format assertions ({@code date-time}, {@code uri}, ...) are on.
 *
 * <p>Thread-safe; {@link #shared()} is loaded once per test JVM.
 */
public final class OpenApiValidator {

    /** The contract on the classpath. */
    public static final String RESOURCE = "/openapi/factory-api.yaml";
    /** The name schemas are loaded under; mapped to the text in memory, never fetched. */
    private static final String DOCUMENT_IRI = "https://aifactory.eu/openapi/factory-api.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** OpenAPI ignores these as header parameters; HTTP machinery sets them. */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile OpenApiValidator shared;

    private final JsonNode document;
    private final List<PathTemplate> templates = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiValidator(String yaml) {
        try {
            this.document = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The contract is not YAML: " + e.getOriginalMessage(), e);
        }
        document.path("paths").fieldNames().forEachRemaining(path -> templates.add(new PathTemplate(path)));
        // Literal segments beat template variables: /v1/workloads/{id} must not swallow a longer literal path.
        templates.sort(Comparator.comparingInt(PathTemplate::variableCount));
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                // The document root is loaded as a schema too; its OpenAPI fields are not schema keywords.
                .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList())
                // A misspelt keyword ("requried") would silently validate nothing: make it an error instead.
                .unknownKeywordFactory((keyword, context) -> {
                    if (keyword.startsWith("x-")) {
                        return new NonValidationKeyword(keyword);
                    }
                    throw new IllegalStateException("Unknown JSON Schema keyword in the contract: " + keyword);
                })
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(dialect)
                .defaultMetaSchemaIri(dialect.getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, yaml))));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
    }

    /** Loads the contract from the classpath. */
    public static OpenApiValidator load() {
        try (InputStream in = OpenApiValidator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new OpenApiValidator(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** A validator for another OpenAPI document, e.g. a deliberately broken one in a test. */
    static OpenApiValidator fromYaml(String yaml) {
        return new OpenApiValidator(yaml);
    }

    /** One validator per JVM: loading and compiling schemas is the expensive part. */
    public static OpenApiValidator shared() {
        OpenApiValidator instance = shared;
        if (instance == null) {
            synchronized (OpenApiValidator.class) {
                instance = shared;
                if (instance == null) {
                    instance = load();
                    shared = instance;
                }
            }
        }
        return instance;
    }

    // ---- responses

    /**
     * Checks a response: the status must be documented for the operation, the content type documented for that
     * status, and a JSON body (or each {@code data:} of an event stream with an {@code x-itemSchema}, OpenAPI 3.2's
     * {@code itemSchema} as a 3.1 extension) must match the schema.
     *
     * @param concretePath the request path as sent, e.g. {@code /v1/workloads/wl-123/logs}; a query is ignored
     * @param contentType  the response's Content-Type header (parameters are ignored), or null without body
     * @param body         the response body as text, or null/empty for none
     */
    public List<String> validateResponse(String method, String concretePath, int status, String contentType,
                                         String body) {
        List<String> messages = new ArrayList<>();
        String what = method.toUpperCase(Locale.ROOT) + " " + concretePath + " → " + status;
        Operation operation = findOperation(method, concretePath, messages);
        if (operation == null) {
            return messages;
        }
        JsonNode responses = operation.node().path("responses");
        String code = Integer.toString(status);
        String key = responses.has(code) ? code
                : responses.has(status / 100 + "XX") ? status / 100 + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            messages.add(what + ": status " + status + " is not documented for " + operation
                    + " (documented: " + String.join(", ", names(responses)) + ")");
            return messages;
        }
        Pointer response = resolve(operation.pointer().append("responses").append(key));
        checkContent(what + " body", response, contentType, body, messages, false);
        return messages;
    }

    public void assertValidResponse(String method, String concretePath, int status, String contentType, String body) {
        fail(validateResponse(method, concretePath, status, contentType, body));
    }

    // ---- requests

    /** Checks a request's path and query parameters and its body (see the overload with headers). */
    public List<String> validateRequest(String method, String concretePath, String contentType, String body) {
        return validateRequest(method, concretePath, null, contentType, body);
    }

    /**
     * Checks a request: the operation exists, path and query parameters are documented and match their schemas,
     * required query parameters are there, and the body matches the request body's schema. With {@code headers},
     * header parameters are checked too (required ones present, values matching); without, headers are skipped.
     *
     * @param concretePath path with an optional {@code ?query}, percent-encoded as sent
     * @param headers      request headers (names in any case), or null to skip header checks
     */
    public List<String> validateRequest(String method, String concretePath, Map<String, String> headers,
                                        String contentType, String body) {
        List<String> messages = new ArrayList<>();
        String what = method.toUpperCase(Locale.ROOT) + " " + concretePath;
        Operation operation = findOperation(method, concretePath, messages);
        if (operation == null) {
            return messages;
        }
        Map<String, Parameter> parameters = parameters(operation);
        checkPathParameters(what, operation, parameters, messages);
        checkQuery(what, concretePath, parameters, messages);
        if (headers != null) {
            checkHeaders(what, headers, parameters, messages);
        }
        JsonNode requestBody = operation.node().path("requestBody");
        boolean hasBody = body != null && !body.isEmpty();
        if (requestBody.isMissingNode()) {
            if (hasBody) {
                messages.add(what + ": " + operation + " documents no request body");
            }
            return messages;
        }
        Pointer resolved = resolve(operation.pointer().append("requestBody"));
        if (!hasBody) {
            if (resolved.in(document).path("required").asBoolean(false)) {
                messages.add(what + ": the request body is required");
            }
            return messages;
        }
        checkContent(what + " request body", resolved, contentType, body, messages, true);
        return messages;
    }

    public void assertValidRequest(String method, String concretePath, String contentType, String body) {
        fail(validateRequest(method, concretePath, contentType, body));
    }

    public void assertValidRequest(String method, String concretePath, Map<String, String> headers,
                                   String contentType, String body) {
        fail(validateRequest(method, concretePath, headers, contentType, body));
    }

    /** Validates any JSON text against a component schema, e.g. {@code validateSchema("Workload", json)}. */
    public List<String> validateSchema(String componentName, String json) {
        List<String> messages = new ArrayList<>();
        Pointer pointer = Pointer.ROOT.append("components").append("schemas").append(componentName);
        if (pointer.in(document).isMissingNode()) {
            messages.add("no schema " + componentName + " in the contract");
            return messages;
        }
        validateJson(componentName, pointer, json, messages);
        return messages;
    }

    /**
     * Compiles every schema the document uses: components, parameters, request bodies and responses. Throws on a
     * schema the validator cannot use, such as one with a misspelt keyword, which would otherwise validate nothing.
     *
     * @return the number of schemas compiled
     */
    public int compileAll() {
        List<Pointer> pointers = new ArrayList<>();
        Pointer components = Pointer.ROOT.append("components").append("schemas");
        names(components.in(document)).forEach(name -> pointers.add(components.append(name)));
        Pointer paths = Pointer.ROOT.append("paths");
        for (String path : names(paths.in(document))) {
            Pointer item = paths.append(path);
            for (String verb : names(item.in(document))) {
                if (!METHODS.contains(verb)) {
                    continue;
                }
                Pointer operation = item.append(verb);
                for (Pointer list : List.of(item.append("parameters"), operation.append("parameters"))) {
                    for (int i = 0; i < list.in(document).size(); i++) {
                        pointers.add(resolve(list.append(Integer.toString(i))).append("schema"));
                    }
                }
                List<Pointer> holders = new ArrayList<>();
                if (operation.in(document).has("requestBody")) {
                    holders.add(resolve(operation.append("requestBody")));
                }
                Pointer responses = operation.append("responses");
                names(responses.in(document)).forEach(code -> holders.add(resolve(responses.append(code))));
                for (Pointer holder : holders) {
                    Pointer content = holder.append("content");
                    for (String media : names(content.in(document))) {
                        for (String key : List.of("schema", "itemSchema", "x-itemSchema")) {
                            if (content.append(media).in(document).has(key)) {
                                pointers.add(content.append(media).append(key));
                            }
                        }
                    }
                }
            }
        }
        for (Pointer pointer : pointers) {
            if (!pointer.in(document).isMissingNode()) {
                schema(pointer).initializeValidators();
            }
        }
        return pointers.size();
    }

    // ---- internals

    private void checkContent(String what, Pointer holder, String contentType, String body, List<String> messages,
                              boolean request) {
        JsonNode content = holder.in(document).path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                messages.add(what + ": no body is documented, got " + body.length() + " characters");
            }
            return;
        }
        String mediaType = mediaType(contentType);
        if (mediaType == null) {
            if (hasBody || !request) {
                messages.add(what + ": no Content-Type; documented: " + String.join(", ", names(content)));
            }
            return;
        }
        String documented = null;
        for (String name : names(content)) {
            if (name.equalsIgnoreCase(mediaType)) {
                documented = name;
            }
        }
        if (documented == null) {
            messages.add(what + ": content type " + mediaType + " is not documented (documented: "
                    + String.join(", ", names(content)) + ")");
            return;
        }
        Pointer media = holder.append("content").append(documented);
        if (!hasBody) {
            messages.add(what + ": empty, but " + documented + " is documented");
            return;
        }
        if (isJson(documented) && !media.in(document).path("schema").isMissingNode()) {
            validateJson(what, media.append("schema"), body, messages);
        } else if ("text/event-stream".equals(documented)) {
            String itemSchema = media.in(document).has("itemSchema") ? "itemSchema" : "x-itemSchema";
            if (media.in(document).has(itemSchema)) {
                int index = 0;
                for (String data : eventData(body)) {
                    validateJson(what + " event " + index++, media.append(itemSchema), data, messages);
                }
            }
        }
    }

    private void validateJson(String what, Pointer schemaPointer, String json, List<String> messages) {
        JsonNode instance;
        try {
            instance = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            messages.add(what + ": not JSON: " + e.getOriginalMessage());
            return;
        }
        validateNode(what, schemaPointer, instance, messages);
    }

    private void validateNode(String what, Pointer schemaPointer, JsonNode instance, List<String> messages) {
        for (ValidationMessage message : schema(schemaPointer).validate(instance)) {
            String text = message.getMessage();
            // A message about the root reads ": must ..."; drop the empty location.
            messages.add(what + ": " + (text.startsWith(": ") ? text.substring(2) : text));
        }
    }

    private JsonSchema schema(Pointer pointer) {
        return schemas.computeIfAbsent(pointer.toString(),
                fragment -> factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment), config));
    }

    private void checkPathParameters(String what, Operation operation, Map<String, Parameter> parameters,
                                     List<String> messages) {
        operation.variables().forEach((name, rawValue) -> {
            Parameter parameter = parameters.get("path:" + name);
            if (parameter == null) {
                messages.add(what + ": path variable {" + name + "} is not declared as a parameter");
                return;
            }
            checkValue(what + " path parameter " + name, parameter, decode(rawValue), messages);
        });
    }

    private void checkQuery(String what, String concretePath, Map<String, Parameter> parameters,
                            List<String> messages) {
        int q = concretePath.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : concretePath.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (query.put(name, value) != null) {
                    messages.add(what + ": query parameter " + name + " is repeated");
                }
            }
        }
        query.forEach((name, value) -> {
            Parameter parameter = parameters.get("query:" + name);
            if (parameter == null) {
                messages.add(what + ": query parameter " + name + " is not documented");
            } else {
                checkValue(what + " query parameter " + name, parameter, value, messages);
            }
        });
        parameters.values().stream()
                .filter(p -> p.in().equals("query") && p.required() && !query.containsKey(p.name()))
                .forEach(p -> messages.add(what + ": required query parameter " + p.name() + " is missing"));
    }

    private void checkHeaders(String what, Map<String, String> headers, Map<String, Parameter> parameters,
                              List<String> messages) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        parameters.values().stream().filter(p -> p.in().equals("header")).forEach(p -> {
            if (IGNORED_HEADERS.contains(p.name().toLowerCase(Locale.ROOT))) {
                return;
            }
            String value = byName.get(p.name());
            if (value == null) {
                if (p.required()) {
                    messages.add(what + ": required header " + p.name() + " is missing");
                }
            } else {
                checkValue(what + " header " + p.name(), p, value, messages);
            }
        });
    }

    /** Converts the text of a parameter to the JSON type its schema asks for, then validates it. */
    private void checkValue(String what, Parameter parameter, String text, List<String> messages) {
        Pointer schemaPointer = parameter.pointer().append("schema");
        JsonNode schema = resolve(schemaPointer).in(document);
        JsonNode value = switch (schema.path("type").asText("string")) {
            case "integer" -> parseLong(text);
            case "number" -> parseNumber(text);
            case "boolean" -> "true".equals(text) || "false".equals(text) ? BooleanNode.valueOf(Boolean.parseBoolean(text))
                    : TextNode.valueOf(text);
            default -> TextNode.valueOf(text);
        };
        validateNode(what, schemaPointer, value, messages);
    }

    private static JsonNode parseLong(String text) {
        try {
            return LongNode.valueOf(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    private static JsonNode parseNumber(String text) {
        try {
            return DecimalNode.valueOf(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    /** Path-level and operation-level parameters, keyed {@code in:name}; the operation's win. */
    private Map<String, Parameter> parameters(Operation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Pointer list : List.of(operation.pathItem().append("parameters"), operation.pointer().append("parameters"))) {
            JsonNode node = list.in(document);
            for (int i = 0; i < node.size(); i++) {
                Pointer p = resolve(list.append(Integer.toString(i)));
                JsonNode def = p.in(document);
                Parameter parameter = new Parameter(def.path("name").asText(), def.path("in").asText(),
                        def.path("required").asBoolean(false), p);
                parameters.put(parameter.in() + ":" + parameter.name(), parameter);
            }
        }
        return parameters;
    }

    private Operation findOperation(String method, String concretePath, List<String> messages) {
        String path = concretePath;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String verb = method.toLowerCase(Locale.ROOT);
        PathTemplate matched = null;
        Map<String, String> variables = null;
        for (PathTemplate template : templates) {
            variables = template.match(path);
            if (variables != null) {
                matched = template;
                break;
            }
        }
        if (matched == null) {
            messages.add(method + " " + concretePath + ": no path in the contract matches");
            return null;
        }
        Pointer pathItem = Pointer.ROOT.append("paths").append(matched.template());
        JsonNode operation = pathItem.in(document).path(verb);
        if (!METHODS.contains(verb) || operation.isMissingNode()) {
            List<String> allowed = new ArrayList<>();
            for (String name : names(pathItem.in(document))) {
                if (METHODS.contains(name)) {
                    allowed.add(name.toUpperCase(Locale.ROOT));
                }
            }
            messages.add(method + " " + concretePath + ": " + matched.template() + " has no "
                    + method.toUpperCase(Locale.ROOT) + " operation (documented: " + String.join(", ", allowed) + ")");
            return null;
        }
        return new Operation(verb.toUpperCase(Locale.ROOT) + " " + matched.template(), pathItem, pathItem.append(verb),
                operation, variables);
    }

    /** Follows {@code $ref}s to components of this document until a definition is reached. */
    private Pointer resolve(Pointer pointer) {
        Pointer current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode ref = current.in(document).path("$ref");
            if (ref.isMissingNode()) {
                return current;
            }
            String target = ref.asText();
            if (!target.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are supported: " + target);
            }
            current = Pointer.parse(target.substring(1));
        }
        throw new IllegalStateException("$ref chain too long at " + pointer);
    }

    private static List<String> eventData(String stream) {
        List<String> data = new ArrayList<>();
        StringBuilder current = null;
        for (String line : stream.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (current != null) {
                    data.add(current.toString());
                    current = null;
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                current = current == null ? new StringBuilder(value) : current.append('\n').append(value);
            }
        }
        if (current != null) {
            data.add(current.toString());
        }
        return data;
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void fail(List<String> messages) {
        if (!messages.isEmpty()) {
            throw new AssertionError("Not as the contract says:\n  " + String.join("\n  ", messages));
        }
    }

    // ---- small value types

    private record Operation(String name, Pointer pathItem, Pointer pointer, JsonNode node,
                             Map<String, String> variables) {
        @Override
        public String toString() {
            return name;
        }
    }

    private record Parameter(String name, String in, boolean required, Pointer pointer) {
    }

    /** A path template such as {@code /v1/workloads/{workloadId}/logs}, matched segment by segment. */
    private record PathTemplate(String template, String[] segments, int variableCount) {
        PathTemplate(String template) {
            this(template, template.split("/", -1), (int) template.chars().filter(c -> c == '{').count());
        }

        /** The raw values of its variables, or null when the path does not match. */
        Map<String, String> match(String path) {
            String[] parts = path.split("/", -1);
            if (parts.length != segments.length) {
                return null;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                String segment = segments[i];
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    if (parts[i].isEmpty()) {
                        return null;
                    }
                    variables.put(segment.substring(1, segment.length() - 1), parts[i]);
                } else if (!segment.equals(parts[i])) {
                    return null;
                }
            }
            return variables;
        }
    }

    /** An RFC 6901 JSON pointer into the document. */
    private record Pointer(List<String> tokens) {
        static final Pointer ROOT = new Pointer(List.of());

        static Pointer parse(String pointer) {
            List<String> tokens = new ArrayList<>();
            Iterator<String> parts = List.of(pointer.split("/", -1)).iterator();
            parts.next();
            while (parts.hasNext()) {
                tokens.add(parts.next().replace("~1", "/").replace("~0", "~"));
            }
            return new Pointer(tokens);
        }

        Pointer append(String token) {
            List<String> more = new ArrayList<>(tokens);
            more.add(token);
            return new Pointer(List.copyOf(more));
        }

        JsonNode in(JsonNode root) {
            JsonNode current = root;
            for (String token : tokens) {
                current = current.isArray() ? current.path(Integer.parseInt(token)) : current.path(token);
            }
            return current;
        }

        /** The pointer as a URI fragment: JSON-pointer escaped, then percent-encoded where a URI needs it. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (String token : tokens) {
                String escaped = token.replace("~", "~0").replace("/", "~1");
                out.append('/').append(URLEncoder.encode(escaped, StandardCharsets.UTF_8)
                        .replace("+", "%20").replace("%7E", "~"));
            }
            return out.toString();
        }
    }
}
