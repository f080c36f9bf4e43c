package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One factor a figure was computed with, as stored by the factory: an emission factor (with its year) or a site
 * indicator of a period (with its validity, site-local dates, {@code validTo} exclusive).
 *
 * @param key    stable name, e.g. {@code grid_co2e_location_de} or {@code PUE}
 * @param year   the year the factor describes, for emission factors
 * @param source where the value comes from; says "illustrative" when it is not a published or measured figure
 */
public record EnergyFactor(
        String key,
        BigDecimal value,
        String unit,
        Integer year,
        LocalDate validFrom,
        LocalDate validTo,
        String source) {
}
