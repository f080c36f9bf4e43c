package eu.aifactory.api.catalog;

import eu.aifactory.api.LocalizedText;
import java.math.BigDecimal;
import java.util.List;

/**
 * An AI application as listed in the catalog (SAP AI Core: scenario).
 *
 * @param category           a stable key such as {@code quality-inspection}; the portal translates it
 * @param gpuClass           the smallest GPU class it runs on: {@code rtx-pro-6000} or {@code b200}
 * @param priceFromEurPerHour the cheapest hourly price over its latest version's plans, licence included
 * @param popularity         workloads run in the last 90 days over all tenants, for sorting
 */
public record AppSummary(
        String id,
        LocalizedText name,
        LocalizedText summary,
        String category,
        String vendor,
        String gpuClass,
        List<LocalizedText> tags,
        BigDecimal priceFromEurPerHour,
        int popularity,
        String latestVersion) {

    public AppSummary {
        tags = List.copyOf(tags);
    }
}
