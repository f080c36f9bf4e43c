package eu.aifactory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.aifactory.api.ProblemType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract document itself is valid OpenAPI 3.1 and follows the project's conventions. */
class OpenApiDocumentTest {

    private static SwaggerParseResult result;

    @BeforeAll
    static void parse() throws IOException {
        String yaml = new String(readResource(), StandardCharsets.UTF_8);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        result = new OpenAPIV3Parser().readContents(yaml, null, options);
    }

    private static OpenAPI api() {
        assertThat(result.getOpenAPI()).as("parsed document; messages: %s", result.getMessages()).isNotNull();
        return result.getOpenAPI();
    }

    @Test
    void parsesWithoutMessages() {
        assertThat(result.getMessages()).isNullOrEmpty();
    }

    @Test
    void isOpenApi31() {
        assertThat(api().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                missing.add(method + " " + path);
            } else {
                ids.add(operation.getOperationId());
            }
        }));

        assertThat(missing).as("operations without operationId").isEmpty();
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void everyErrorResponseIsTheProblemResponse() {
        List<String> offenders = new ArrayList<>();
        api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            for (Map.Entry<String, ApiResponse> response : responses(operation).entrySet()) {
                String code = response.getKey();
                boolean error = code.startsWith("4") || code.startsWith("5") || code.equals("default");
                if (error && !"#/components/responses/Problem".equals(response.getValue().get$ref())) {
                    offenders.add(method + " " + path + " " + code);
                }
            }
        }));

        assertThat(offenders).as("error responses not referring to the Problem response").isEmpty();
    }

    @Test
    void everyOperationDocumentsASuccess() {
        List<String> offenders = new ArrayList<>();
        api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (responses(operation).keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                offenders.add(method + " " + path);
            }
        }));

        assertThat(offenders).isEmpty();
    }

    /** Offline half of Redocly's recommended rules (operation-summary, operation-4xx-response, tag-description). */
    @Test
    void everyOperationHasASummaryAndAClientErrorAndEveryTagADescription() {
        List<String> offenders = new ArrayList<>();
        api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                offenders.add(method + " " + path + " has no summary");
            }
            if (responses(operation).keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                offenders.add(method + " " + path + " has no 4xx response");
            }
        }));
        api().getTags().stream().filter(tag -> tag.getDescription() == null || tag.getDescription().isBlank())
                .forEach(tag -> offenders.add("tag " + tag.getName() + " has no description"));

        assertThat(offenders).isEmpty();
    }

    @Test
    void theProblemTypeListsEveryTypeTheFactoryAnswers() {
        Schema<?> problem = api().getComponents().getSchemas().get("Problem");
        String description = problem.getProperties().get("type").getDescription();
        List<String> missing = new ArrayList<>();
        for (ProblemType type : ProblemType.values()) {
            String slug = type.uri().substring(type.uri().lastIndexOf('/') + 1);
            if (!description.matches("(?s).*[{ ,]" + java.util.regex.Pattern.quote(slug) + "[,}].*")) {
                missing.add(slug);
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void theProblemResponseIsRfc9457() {
        var problem = api().getComponents().getResponses().get("Problem");

        assertThat(problem.getContent()).containsOnlyKeys("application/problem+json");
        Schema<?> schema = api().getComponents().getSchemas().get("Problem");
        List<String> required = schema.getRequired();
        assertThat(required).contains("type", "title", "status");
    }

    /** A comma inside an unquoted flow-style description splits it into a stray key with no value. */
    @Test
    void hasNoKeyWithoutAValue() throws IOException {
        JsonNode tree = new YAMLMapper().readTree(readResource());
        List<String> empty = new ArrayList<>();
        collectNulls(tree, "", empty);

        assertThat(empty).isEmpty();
    }

    private static void collectNulls(JsonNode node, String at, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    found.add(at + "/" + field.getKey());
                }
                collectNulls(field.getValue(), at + "/" + field.getKey(), found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNulls(node.get(i), at + "/" + i, found);
            }
        }
    }

    private static byte[] readResource() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiValidator.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, ApiResponse> responses(Operation operation) {
        return operation.getResponses() == null ? Map.of() : operation.getResponses();
    }
}
