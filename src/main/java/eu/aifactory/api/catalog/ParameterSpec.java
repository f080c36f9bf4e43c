package eu.aifactory.api.catalog;

import eu.aifactory.api.LocalizedText;
import java.math.BigDecimal;
import java.util.List;

/**
 * One typed parameter of an application version. Unlike SAP AI Core, where parameters are strings,
 * each carries its type and constraints so the portal can build the right control and validate early.
 *
 * @param defaultValue a JSON value matching {@code type} (string, number or boolean), or null
 * @param minimum      inclusive lower bound for number and integer parameters
 * @param maximum      inclusive upper bound for number and integer parameters
 * @param pattern      a regular expression a string parameter must match in full
 * @param enumValues   the allowed values of an enum parameter
 * @param unit         the unit shown beside the control, e.g. {@code px}, {@code %}, {@code days}
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        LocalizedText label,
        LocalizedText description,
        boolean required,
        Object defaultValue,
        BigDecimal minimum,
        BigDecimal maximum,
        String pattern,
        List<String> enumValues,
        String unit) {

    public ParameterSpec {
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }
}
