package eu.aifactory.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What stands behind the site's indicators in a report's period: its registrations, the guarantees of origin
 * behind REF, its water use and the heat it passed on. Site figures are the stored period figures pro rata to the
 * report's period; attributed figures are the report's own share.
 *
 * @param euDatabaseId          the site's id in the European database on data centres (EED, Delegated Regulation 2024/1364)
 * @param deRegisterId          the site's id in the German energy efficiency register for data centres (EnEfG § 13)
 * @param heatNetworkWithin5km  whether a heat network lies within 5 km (waives the waste-heat duty in the 2026 draft)
 * @param certificates          guarantees of origin whose production period overlaps the report's period
 * @param water                 the site's water use
 * @param reusedHeat            the heat the site passed on
 * @param illustrative          true when the figures are illustrative (the demo site), as their sources say
 */
public record SiteEvidence(
        String siteId,
        String siteName,
        String euDatabaseId,
        String deRegisterId,
        boolean heatNetworkWithin5km,
        List<Certificate> certificates,
        Water water,
        ReusedHeat reusedHeat,
        boolean illustrative,
        List<String> sources) {

    public SiteEvidence {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * A guarantee of origin (cancelled for the site).
     *
     * @param unsubsidised true when the plant received no public support for this production
     */
    public record Certificate(String id, String registry, LocalDate productionFrom, LocalDate productionTo,
                              BigDecimal mwh, String energySource, String plant, String plantCountry,
                              boolean unsubsidised) {
    }

    /**
     * @param wue              the report's WUE (L/kWh), as in its indicators
     * @param siteLitres       the site's water use in the period
     * @param attributedLitres the report's IT energy × the months' WUE
     */
    public record Water(BigDecimal wue, BigDecimal siteLitres, BigDecimal attributedLitres) {
    }

    /**
     * @param siteKwh          heat passed on by the site in the period
     * @param supplyTemperatureC the (energy-weighted) temperature it was passed on at
     * @param attributedKwh    the report's facility energy × the months' ERF
     * @param recipient        who took the heat
     */
    public record ReusedHeat(BigDecimal siteKwh, BigDecimal supplyTemperatureC, BigDecimal attributedKwh,
                             String recipient) {
    }
}
