package eu.aifactory.server.energy.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The factors of the energy and carbon model, read from the {@code energy_factors} table (value, unit, year, source). */
public final class EnergyFactors {

    /** Stamp of the model estimates are computed with; bump it when a formula or factor changes. */
    public static final String METHODOLOGY_VERSION = "afp-energy-2026.1";

    public static final String GRID_LOCATION = "grid_co2e_location_de";
    public static final String GRID_MARKET = "grid_co2e_market_site";
    /** Residual mix for market-based CO2e of energy not covered by renewables (migration V10). */
    public static final String GRID_RESIDUAL = "grid_co2e_residual_de";
    public static final String PUE = "pue_site";
    public static final String REFERENCE_GPUS = "estimate_reference_gpus";

    public record Factor(String key, BigDecimal value, String unit, int year, String source) {
    }

    private final Map<String, Factor> factors;

    public EnergyFactors(Map<String, Factor> factors) {
        this.factors = Map.copyOf(factors);
    }

    public Factor factor(String key) {
        Factor factor = factors.get(key);
        if (factor == null) {
            throw new IllegalStateException("energy factor " + key + " is missing from the energy_factors table");
        }
        return factor;
    }

    /** The factor {@code key}, or empty when the table has none (an optional factor, such as a GPU class's). */
    public Optional<Factor> find(String key) {
        return Optional.ofNullable(factors.get(key));
    }

    public BigDecimal value(String key) {
        return factor(key).value();
    }
}
