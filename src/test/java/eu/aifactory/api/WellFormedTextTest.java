package eu.aifactory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WellFormedTextTest {

    private static final ObjectMapper JSON = Json.mapper();

    record Named(String name, List<String> tags, Map<String, Object> parameters) {
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersAndPairsStay() {
        assertThat(WellFormedText.of("a\ud800b")).isEqualTo("a\ufffdb");
        assertThat(WellFormedText.of("\udc00")).isEqualTo("\ufffd");
        assertThat(WellFormedText.of("end\ud83d")).isEqualTo("end\ufffd");
        assertThat(WellFormedText.of("\udc00\ud800")).isEqualTo("\ufffd\ufffd");
        assertThat(WellFormedText.of("smile \ud83d\ude00 ok")).isEqualTo("smile \ud83d\ude00 ok");
        String clean = "Müller";
        assertThat(WellFormedText.of(clean)).isSameAs(clean);
        assertThat(WellFormedText.firstUnpaired("ok \ud83d\ude00")).isEqualTo(-1);
        assertThat(WellFormedText.firstUnpaired("ok \ude00")).isEqualTo(3);
    }

    @Test
    void theWireMapperWritesEveryStringWellFormedValuesKeysListsAndTrees() throws Exception {
        Named named = new Named("Lauf \ud800", List.of("t\udc00"), Map.of("line\ud800", Map.of("k", "v\ud800")));

        byte[] bytes = JSON.writeValueAsBytes(named);
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode tree = JSON.valueToTree(named);

        assertThat(text).doesNotContain("\\u").doesNotContain("\\U")
                .contains("Lauf \ufffd", "t\ufffd", "line\ufffd", "v\ufffd");
        assertThat(tree.path("name").asText()).isEqualTo("Lauf \ufffd");
        assertThat(tree.path("parameters").fieldNames().next()).isEqualTo("line\ufffd");
        assertThat(JSON.readTree(bytes)).isEqualTo(tree);
    }
}
