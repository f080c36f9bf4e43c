package eu.aifactory.portal.workloads;

import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ParameterType;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.workloads.submit.NumberText;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A run's parameters and inputs as people read them: the parameter's label and unit from the application version,
 * yes/no for a switch, numbers with the language's decimal mark, an input by its title. Without the version (the
 * catalog did not answer) the names and values are shown as the factory stored them.
 */
final class ParameterText {

    private ParameterText() {
    }

    static ParameterSpec spec(AppVersion version, String name) {
        return version == null ? null
                : version.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    static String label(ParameterSpec spec, String name, Locale locale) {
        return spec == null || spec.label() == null ? name : spec.label().in(locale);
    }

    static String value(ParameterSpec spec, Object value, I18n i18n) {
        if (value == null) {
            return "\u2014";
        }
        Boolean flag = value instanceof Boolean b ? b
                : spec != null && spec.type() == ParameterType.BOOLEAN ? Boolean.valueOf(value.toString()) : null;
        if (flag != null) {
            return i18n.get(flag ? "workloads.value.yes" : "workloads.value.no");
        }
        boolean numeric = spec != null ? spec.type() == ParameterType.NUMBER || spec.type() == ParameterType.INTEGER
                : value instanceof Number;
        if (!numeric) {
            return value.toString();
        }
        BigDecimal number = NumberText.decimal(value);
        if (number == null) {
            return value.toString();
        }
        String unit = spec == null || spec.unit() == null || spec.unit().isBlank() ? "" : "\u00a0" + spec.unit();
        return NumberText.format(number, i18n.locale()) + unit;
    }

    /** An input slot's title in {@code locale}, or its name. */
    static String inputTitle(AppVersion version, String name, Locale locale) {
        ArtifactSlot slot = version == null ? null
                : version.inputs().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        return slot == null || slot.title() == null ? name : slot.title().in(locale);
    }
}
