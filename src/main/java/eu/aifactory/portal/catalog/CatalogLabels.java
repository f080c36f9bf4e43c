package eu.aifactory.portal.catalog;

import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ParameterType;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.common.PatternExample;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The catalog's texts that depend on data: category and GPU class names, prices, parameter types and ranges. */
final class CatalogLabels {

    private final I18n i18n;

    CatalogLabels(I18n i18n) {
        this.i18n = i18n;
    }

    Locale locale() {
        return i18n.locale();
    }

    /** The translated category name; a category the bundles do not know yet is shown readably, not as a key. */
    String category(String key) {
        return translatedOr("category." + key, key);
    }

    String gpuClass(String key) {
        return translatedOr("gpuClass." + key, key);
    }

    private String translatedOr(String bundleKey, String key) {
        String text = i18n.get(bundleKey);
        if (!text.startsWith("!")) {
            return text;
        }
        String spaced = key == null ? "" : key.replace('-', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    String eur(BigDecimal amount) {
        return Formats.eur(amount, locale());
    }

    String priceFrom(BigDecimal amount) {
        return amount == null ? "" : i18n.get("catalog.tile.priceFrom", eur(amount));
    }

    String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    String parameterType(ParameterType type) {
        return switch (type) {
            case STRING -> i18n.get("catalog.paramType.string");
            case NUMBER -> i18n.get("catalog.paramType.number");
            case INTEGER -> i18n.get("catalog.paramType.integer");
            case BOOLEAN -> i18n.get("catalog.paramType.boolean");
            case ENUM -> i18n.get("catalog.paramType.enum");
        };
    }

    String artifactKind(ArtifactKind kind) {
        return switch (kind) {
            case MODEL -> i18n.get("catalog.artifact.model");
            case DATASET -> i18n.get("catalog.artifact.dataset");
            case RESULTSET -> i18n.get("catalog.artifact.resultset");
            case OTHER -> i18n.get("catalog.artifact.other");
        };
    }

    /** "0.05 – 0.99", "≥ 256", the allowed values of an enum, or the pattern of a string. */
    String range(ParameterSpec spec) {
        if (spec.type() == ParameterType.ENUM) {
            return String.join(", ", spec.enumValues());
        }
        if (spec.minimum() != null && spec.maximum() != null) {
            return number(spec.minimum()) + "\u2009–\u2009" + number(spec.maximum());
        }
        if (spec.minimum() != null) {
            return "≥\u00a0" + number(spec.minimum());
        }
        if (spec.maximum() != null) {
            return "≤\u00a0" + number(spec.maximum());
        }
        if (spec.pattern() != null) {
            String example = PatternExample.text(spec.pattern(), i18n);
            return example == null ? "" : example;
        }
        return "";
    }

    String defaultValue(ParameterSpec spec) {
        Object value = spec.defaultValue();
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean flag) {
            return i18n.get(flag ? "catalog.param.yes" : "catalog.param.no");
        }
        if (value instanceof Number number) {
            return number(new BigDecimal(number.toString()));
        }
        return value.toString();
    }

    private String number(BigDecimal value) {
        return Formats.number(value, 6, locale());
    }
}
