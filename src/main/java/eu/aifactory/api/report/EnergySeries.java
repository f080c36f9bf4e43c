package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One application's or project's facility energy per period of a report grouped over time. For every period the
 * series' values add up exactly to the period's {@code facilityKwh}, and each series' values to its {@code facilityKwh}.
 *
 * @param key         application or project id
 * @param label       readable name
 * @param facilityKwh the series' facility energy over the whole report (kWh, three decimals)
 * @param values      facility energy per period, in the order of the report's groups (kWh, three decimals)
 */
public record EnergySeries(String key, String label, BigDecimal facilityKwh, List<BigDecimal> values) {

    public EnergySeries {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
