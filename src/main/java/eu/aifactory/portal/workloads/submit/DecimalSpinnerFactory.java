package eu.aifactory.portal.workloads.submit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Spinner values for integer and number parameters. The arrows step within the range; typed values are kept as
 * they are, even out of range, so the form can say what is wrong instead of silently changing the number.
 */
final class DecimalSpinnerFactory extends SpinnerValueFactory<BigDecimal> {

    private final BigDecimal min;
    private final BigDecimal max;
    private final BigDecimal step;

    DecimalSpinnerFactory(BigDecimal min, BigDecimal max, boolean integer, Locale locale) {
        this.min = min;
        this.max = max;
        this.step = integer ? BigDecimal.ONE : step(min, max);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(BigDecimal value) {
                return value == null ? "" : NumberText.format(value, locale);
            }

            @Override
            public BigDecimal fromString(String text) {
                BigDecimal parsed = NumberText.parse(text, locale);
                // Unreadable text keeps the last value; the field shows the error for the text as typed.
                return parsed == null ? getValue() : parsed;
            }
        });
    }

    /** About twenty steps across the range, rounded to one significant digit (0.05 for 0.05–0.99). */
    static BigDecimal step(BigDecimal min, BigDecimal max) {
        if (min == null || max == null || max.compareTo(min) <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal raw = max.subtract(min).divide(BigDecimal.valueOf(20), MathContext.DECIMAL64);
        return raw.round(new MathContext(1, RoundingMode.HALF_UP)).stripTrailingZeros();
    }

    BigDecimal step() {
        return step;
    }

    @Override
    public void decrement(int steps) {
        setValue(clamp(start().subtract(step.multiply(BigDecimal.valueOf(steps)))));
    }

    @Override
    public void increment(int steps) {
        setValue(clamp(start().add(step.multiply(BigDecimal.valueOf(steps)))));
    }

    private BigDecimal start() {
        if (getValue() != null) {
            return getValue();
        }
        return min != null ? min : BigDecimal.ZERO;
    }

    private BigDecimal clamp(BigDecimal value) {
        if (min != null && value.compareTo(min) < 0) {
            return min;
        }
        if (max != null && value.compareTo(max) > 0) {
            return max;
        }
        return value;
    }
}
