package eu.aifactory.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.Problem;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ParameterType;
import eu.aifactory.server.http.FieldError;
import eu.aifactory.server.http.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {

    private static ParameterSpec spec(String name, ParameterType type, boolean required, Object defaultValue, String min,
                                      String max, String pattern, List<String> values) {
        return new ParameterSpec(name, type, LocalizedText.of(name, name), null, required, defaultValue,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), pattern, values, null);
    }

    private static final AppVersion VERSION = new AppVersion("1.0.0", null, List.of(
            spec("threshold", ParameterType.NUMBER, true, 0.5, "0.1", "0.9", null, null),
            spec("epochs", ParameterType.INTEGER, true, null, "1", "100", null, null),
            spec("line", ParameterType.STRING, false, null, null, null, "L[0-9]{2}", null),
            spec("mode", ParameterType.ENUM, false, "fast", null, null, null, List.of("fast", "exact")),
            spec("annotate", ParameterType.BOOLEAN, false, true, null, null, null, null)),
            List.of(), List.of(), List.of("p"), BigDecimal.ONE, 10, 0.8);

    private static List<Problem.FieldError> validate(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        ParameterValidator.validate(VERSION, values, errors);
        return Messages.render(errors, Locale.ENGLISH);
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void validValuesPassAndDefaultsFillTheRest() {
        assertThat(validate(values("epochs", 3, "line", "L07", "mode", "exact", "annotate", false, "threshold", 0.9))).isEmpty();
        assertThat(ParameterValidator.withDefaults(VERSION, values("epochs", 3)))
                .containsEntry("threshold", 0.5).containsEntry("mode", "fast").containsEntry("annotate", true)
                .doesNotContainKey("line");
    }

    @Test
    void eachKindOfBadValueIsReportedOnItsField() {
        assertThat(validate(values("epochs", 0))).extracting(Problem.FieldError::message).containsExactly("must be at least 1");
        assertThat(validate(values("epochs", 2.5))).extracting(Problem.FieldError::message).containsExactly("must be a whole number");
        assertThat(validate(values("epochs", 4.0))).isEmpty();
        assertThat(validate(values("epochs", "3"))).extracting(Problem.FieldError::message).containsExactly("must be a whole number");
        assertThat(validate(values("epochs", 3, "threshold", 1))).extracting(Problem.FieldError::field)
                .containsExactly("parameters.threshold");
        assertThat(validate(values("epochs", 3, "line", "line 7"))).extracting(Problem.FieldError::message)
                .containsExactly("must match the pattern L[0-9]{2}");
        assertThat(validate(values("epochs", 3, "mode", "slow"))).extracting(Problem.FieldError::message)
                .containsExactly("must be one of fast, exact");
        assertThat(validate(values("epochs", 3, "annotate", "true"))).extracting(Problem.FieldError::message)
                .containsExactly("must be true or false");
        assertThat(validate(values("epochs", 3, "colour", "red"))).extracting(Problem.FieldError::field)
                .containsExactly("parameters.colour");
        assertThat(validate(values())).extracting(Problem.FieldError::field).containsExactly("parameters.epochs");
        assertThat(validate(values("epochs", Double.NaN))).hasSize(1);
    }
}
