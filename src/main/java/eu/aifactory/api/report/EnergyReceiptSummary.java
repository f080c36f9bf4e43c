package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a visitor takes home from a workload's energy receipt: facility energy, CO2e (location-based), the site, the
 * run's time window and the key that signed it. {@link #text()} is the signed form: plain lines a phone shows as
 * they are, in English with machine-readable values, so the same bytes verify in any language:
 * <pre>
 * AI Factory energy receipt
 * workload: wl_…
 * site: Industrial AI Cloud Munich (Tucherpark), DE
 * from: 2026-11-18T08:00:12Z
 * to: 2026-11-18T08:03:40Z
 * facility energy: 0.412 kWh
 * CO2e (location-based): 0.150 kg
 * key: &lt;kid&gt;
 * </pre>
 *
 * @param from start of the run (the receipt's {@code start})
 * @param to   time of the last power sample (the receipt's {@code end})
 */
public record EnergyReceiptSummary(String workloadId, String site, Instant from, Instant to, BigDecimal facilityKwh,
                                   BigDecimal co2eKg, String kid) {

    public static final String TITLE = "AI Factory energy receipt";
    private static final String WORKLOAD = "workload";
    private static final String SITE = "site";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String ENERGY = "facility energy";
    private static final String CO2E = "CO2e (location-based)";
    private static final String KEY = "key";
    private static final String KWH = " kWh";
    private static final String KG = " kg";

    public EnergyReceiptSummary {
        Objects.requireNonNull(workloadId, "workloadId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(facilityKwh, "facilityKwh");
        Objects.requireNonNull(co2eKg, "co2eKg");
        Objects.requireNonNull(kid, "kid");
        for (String value : new String[] {workloadId, site, kid}) {
            if (value.contains("\n") || value.contains("\r")) {
                throw new IllegalArgumentException("a receipt value must fit on one line: " + value);
            }
        }
    }

    /** The lines that are signed, each ending in a line break. */
    public String text() {
        return TITLE + "\n"
                + WORKLOAD + ": " + workloadId + "\n"
                + SITE + ": " + site + "\n"
                + FROM + ": " + from + "\n"
                + TO + ": " + to + "\n"
                + ENERGY + ": " + facilityKwh.toPlainString() + KWH + "\n"
                + CO2E + ": " + co2eKg.toPlainString() + KG + "\n"
                + KEY + ": " + kid + "\n";
    }

    /** Reads {@link #text()} back; throws {@link IllegalArgumentException} for anything else. */
    public static EnergyReceiptSummary parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 9 || !TITLE.equals(lines[0]) || !lines[8].isEmpty()) {
            throw new IllegalArgumentException("not an energy receipt summary");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < 8; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not \"name: value\"");
            }
            values.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
        }
        try {
            return new EnergyReceiptSummary(required(values, WORKLOAD), required(values, SITE),
                    Instant.parse(required(values, FROM)), Instant.parse(required(values, TO)),
                    new BigDecimal(unit(required(values, ENERGY), KWH)), new BigDecimal(unit(required(values, CO2E), KG)),
                    required(values, KEY));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("a receipt value is not readable: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the line \"" + name + "\" is missing");
        }
        return value;
    }

    private static String unit(String value, String unit) {
        if (!value.endsWith(unit)) {
            throw new IllegalArgumentException("\"" + value + "\" does not end in" + unit);
        }
        return value.substring(0, value.length() - unit.length());
    }
}
