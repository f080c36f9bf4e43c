package eu.aifactory.portal.energy;

import eu.aifactory.api.report.CarbonIntensity;
import eu.aifactory.api.report.EnergyFactor;
import eu.aifactory.api.report.EnergyProvenance;
import eu.aifactory.api.report.RuleSet;
import eu.aifactory.api.report.SiteEvidence;
import eu.aifactory.api.report.EnergyReport;
import eu.aifactory.api.report.SiteIndicator;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.pdf.PdfReportWriter;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Align;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Card;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Column;
import eu.aifactory.portal.common.pdf.PdfReportWriter.Status;
import eu.aifactory.portal.energy.EnergyViewModel.Kpis;
import eu.aifactory.portal.energy.EnergyViewModel.WorkloadEnergy;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The Energy page as a PDF in the user's language: title, tenant and period, the KPI cards with the EnEfG limits,
 * the chart as drawn on screen, the per-workload table with its total, the site indicators, and the methodology with
 * every factor's value, unit, year and source. Figures are formatted exactly as the page formats them.
 */
final class EnergyPdf {

    /** Everything the PDF shows, taken from the page when the export starts. */
    record Snapshot(EnergyReport report, List<WorkloadEnergy> rows, Kpis kpis, EnergyPeriod.DateRange range,
                    Pixels chart) {
        Snapshot {
            rows = List.copyOf(rows);
        }
    }

    /** A picture as ARGB pixels, row by row: taken on the UI thread, encoded as PNG in the background. */
    record Pixels(int width, int height, int[] argb) {
        Pixels {
            if (width <= 0 || height <= 0 || argb.length != width * height) {
                throw new IllegalArgumentException("pixels do not match " + width + " x " + height);
            }
        }

        byte[] png() throws IOException {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, width, height, argb, 0, width);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }

    private final Snapshot data;
    private final Locale locale;
    private final I18n i18n;

    EnergyPdf(Snapshot data, Locale locale) {
        this.data = data;
        this.locale = locale;
        // A private bundle reader: the page's I18n belongs to the UI thread.
        this.i18n = new I18n(locale);
    }

    void write(OutputStream out, FileExport.Progress progress) throws IOException {
        EnergyReport report = data.report();
        try (PdfReportWriter pdf = new PdfReportWriter(locale, i18n.get("energy.pdf.page"),
                i18n.get("energy.pdf.footer", report.tenantName(), report.methodologyVersion()))) {
            pdf.info(i18n.get("energy.pdf.title"), "AI Factory Tenant Portal", period());
            pdf.title(i18n.get("energy.pdf.title"), factory(report.site()));
            Map<String, String> header = new LinkedHashMap<>();
            header.put(i18n.get("energy.pdf.tenant"), report.tenantName() + " (" + report.tenantId() + ")");
            header.put(i18n.get("energy.pdf.period"), period());
            header.put(i18n.get("energy.pdf.scope"), EnergyTexts.scope(report, i18n));
            header.put(i18n.get("energy.pdf.generated"), Formats.dateTime(report.generatedAt(), locale));
            header.put(i18n.get("energy.pdf.methodologyVersion"), report.methodologyVersion());
            pdf.keyValues(header);
            progress.report(0.1);

            pdf.cards(cards(), 3, i18n.get("energy.kpi.pass"), i18n.get("energy.kpi.fail"));
            progress.report(0.2);
            if (data.chart() != null) {
                pdf.heading(i18n.get("energy.pdf.chart"));
                pdf.image(data.chart().png(), "chart");
            }
            progress.report(0.35);

            pdf.heading(i18n.get("energy.pdf.workloads"));
            pdf.table(workloadColumns(), workloadRows(progress));
            progress.report(0.7);

            pdf.heading(i18n.get("energy.pdf.indicators"));
            pdf.table(List.of(
                    new Column(i18n.get("energy.pdf.col.indicator"), 1.2f, Align.LEFT),
                    new Column(i18n.get("energy.pdf.col.value"), 1f, Align.RIGHT),
                    new Column(i18n.get("energy.pdf.col.limit"), 1.6f, Align.LEFT),
                    new Column(i18n.get("energy.pdf.col.result"), 1f, Align.LEFT),
                    new Column(i18n.get("energy.pdf.col.weighting"), 3f, Align.LEFT)), indicatorRows());

            audit(pdf);
            pdf.heading(i18n.get("energy.pdf.methodology"));
            pdf.paragraph(EnergyTexts.methodology(report, i18n));
            pdf.paragraph(i18n.get("energy.pdf.rounding",
                    EnergyTexts.roundingRule(report.methodologyVersion(), report.roundingRule(), i18n)));
            pdf.heading(i18n.get("energy.pdf.factors"));
            pdf.table(List.of(
                    new Column(i18n.get("energy.pdf.col.factor"), 1.6f, Align.LEFT),
                    new Column(i18n.get("energy.pdf.col.value"), 0.8f, Align.RIGHT),
                    new Column(i18n.get("energy.pdf.col.unit"), 1f, Align.LEFT),
                    new Column(i18n.get("energy.pdf.col.year"), 0.6f, Align.RIGHT),
                    new Column(i18n.get("energy.pdf.col.source"), 4f, Align.LEFT)), factorRows());
            progress.report(0.9);
            pdf.save(out);
        }
    }

    /** The auditor's sections: rule versions side by side, provenance, site evidence, carbon per unit of work. */
    private void audit(PdfReportWriter pdf) throws IOException {
        EnergyReport report = data.report();
        if (report.ruleSet() != null) {
            pdf.heading(i18n.get("energy.audit.rules.title"));
            List<RuleSet> rules = AuditTexts.columns(report);
            List<Column> columns = new ArrayList<>(List.of(
                    new Column(i18n.get("energy.audit.rules.indicator"), 1f, Align.LEFT),
                    new Column(i18n.get("energy.audit.rules.value"), 1f, Align.RIGHT)));
            rules.forEach(r -> columns.add(new Column(AuditTexts.columnHead(r, this::factory, i18n), 2.2f, Align.LEFT)));
            List<List<String>> rows = new ArrayList<>();
            for (SiteIndicator indicator : report.indicators()) {
                List<String> row = new ArrayList<>(List.of(indicator.name(), IndicatorFormat.value(indicator, locale)));
                rules.forEach(r -> row.add(AuditTexts.verdict(indicator, r, i18n)));
                rows.add(row);
            }
            pdf.table(columns, rows);
            rules.forEach(r -> pdf.paragraph(AuditTexts.ruleSet(r, this::factory, i18n)));
        }
        if (report.provenance() != null) {
            pdf.heading(i18n.get("energy.audit.title"));
            pdf.paragraph(AuditTexts.provenance(report.provenance(), i18n));
            for (EnergyProvenance.Source source : report.provenance().sources()) {
                pdf.paragraph("\u2022 " + AuditTexts.source(source, this::factory, i18n));
            }
            for (EnergyProvenance.PueUsed pue : report.provenance().pue()) {
                pdf.paragraph("\u2022 " + AuditTexts.pue(pue, this::factory, i18n));
            }
        }
        if (report.siteEvidence() != null) {
            pdf.heading(i18n.get("energy.audit.site.title"));
            Map<String, String> site = new LinkedHashMap<>();
            AuditTexts.site(report.siteEvidence(), this::factory, i18n).forEach(line -> site.put(line[0], line[1]));
            pdf.keyValues(site);
            for (SiteEvidence.Certificate c : report.siteEvidence().certificates()) {
                pdf.paragraph("\u2022 " + AuditTexts.certificate(c, this::factory, i18n));
            }
            if (report.siteEvidence().illustrative()) {
                pdf.paragraph(i18n.get("energy.audit.site.illustrative"));
            }
        }
        pdf.heading(i18n.get("energy.audit.sci.title"));
        if (report.carbonIntensity().isEmpty()) {
            pdf.paragraph(i18n.get("energy.audit.sci.none"));
        }
        for (CarbonIntensity c : report.carbonIntensity()) {
            pdf.paragraph("\u2022 " + AuditTexts.carbon(c, this::appName, i18n));
        }
        report.carbonIntensity().stream().findFirst().flatMap(c -> AuditTexts.embodiedFactor(c, this::factory, locale))
                .ifPresent(factor -> pdf.paragraph(i18n.get("energy.audit.sci.method", factor)));
    }

    /** A text from the factory's records in the PDF's language, as the report translates it. */
    private String factory(String english) {
        return data.report().text(english, locale);
    }

    /** An application's name as the table rows give it; its id when no row names it. */
    private String appName(String appId) {
        return data.rows().stream().filter(w -> appId.equals(w.appId())).findFirst().map(w -> w.appName(locale))
                .orElse(appId);
    }

    private String period() {
        return Formats.date(data.range().from(), locale) + " \u2013 " + Formats.date(data.range().to().minusDays(1), locale);
    }

    private List<Card> cards() {
        Kpis k = data.kpis();
        List<Card> cards = new ArrayList<>();
        cards.add(new Card(i18n.get("energy.kpi.facility"), Formats.kwh(k.facilityKwh(), locale), null, null));
        cards.add(new Card(i18n.get("energy.kpi.co2Location"), Formats.kgCo2e(k.co2eKgLocation(), locale), null, null));
        cards.add(new Card(i18n.get("energy.kpi.co2Market"), Formats.kgCo2e(k.co2eKgMarket(), locale), null, null));
        cards.add(new Card(i18n.get("energy.kpi.renewable"),
                k.renewableShare() == null ? "\u2013" : Formats.percent(k.renewableShare(), locale), null, null));
        cards.add(indicatorCard("energy.kpi.pue", k.pue()));
        cards.add(indicatorCard("energy.kpi.erf", k.erf()));
        return cards;
    }

    private Card indicatorCard(String key, SiteIndicator indicator) {
        if (indicator == null || indicator.value() == null) {
            return new Card(i18n.get(key), "\u2013", null, null);
        }
        return new Card(i18n.get(key), IndicatorFormat.value(indicator, locale), limit(indicator), status(indicator));
    }

    private String limit(SiteIndicator indicator) {
        SiteIndicator.Threshold t = indicator.threshold();
        if (t == null) {
            return "";
        }
        return i18n.get(t.inForce() ? "energy.kpi.limit" : "energy.kpi.limitComing", IndicatorFormat.limit(indicator, locale));
    }

    private static Status status(SiteIndicator indicator) {
        return indicator.pass() == null ? Status.NONE : indicator.pass() ? Status.PASS : Status.FAIL;
    }

    private List<Column> workloadColumns() {
        return List.of(
                new Column(i18n.get("energy.col.workload"), 1.8f, Align.LEFT),
                new Column(i18n.get("energy.col.application"), 1.4f, Align.LEFT),
                new Column(i18n.get("energy.col.project"), 1.1f, Align.LEFT),
                new Column(i18n.get("energy.col.itKwh"), 1.1f, Align.RIGHT),
                new Column(i18n.get("energy.col.facilityKwh"), 1.1f, Align.RIGHT),
                new Column(i18n.get("energy.col.co2Location"), 1.1f, Align.RIGHT),
                new Column(i18n.get("energy.col.co2Market"), 1.1f, Align.RIGHT),
                new Column(i18n.get("energy.col.gpuHours"), 1.1f, Align.RIGHT),
                new Column(i18n.get("energy.col.cost"), 1.5f, Align.RIGHT));
    }

    private List<List<String>> workloadRows(FileExport.Progress progress) throws FileExport.Cancelled {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (WorkloadEnergy w : data.rows()) {
            rows.add(List.of(w.name(), w.appName(locale), w.projectLabel(), one(w.itKwh()), one(w.facilityKwh()),
                    one(w.co2eKgLocation()), one(w.co2eKgMarket()), one(w.gpuHours()), Formats.eur(w.costEur(), locale)));
            if (++n % 100 == 0) {
                progress.report(0.35 + 0.3 * n / data.rows().size());
            }
        }
        var t = data.report().totals();
        rows.add(List.of(i18n.get("energy.pdf.total"), "", "", one(t.itKwh()), one(t.facilityKwh()),
                one(t.co2eKgLocationBased()), one(t.co2eKgMarketBased()), one(t.gpuHours()), Formats.eur(t.costEur(), locale)));
        return rows;
    }

    private List<List<String>> indicatorRows() {
        List<List<String>> rows = new ArrayList<>();
        for (SiteIndicator i : data.report().indicators()) {
            String suffix = "fraction".equals(i.unit()) ? "" : unitSuffix(i.unit());
            String value = i.value() == null ? "\u2013" : IndicatorFormat.value(i, locale) + suffix;
            String limit = IndicatorFormat.limit(i, locale);
            String result = i.pass() == null ? "" : i18n.get(i.pass() ? "energy.kpi.pass" : "energy.kpi.fail");
            String weighting = EnergyTexts.weighting(i, i18n);
            rows.add(List.of(i.name(), value, limit.isEmpty() ? "" : limit + suffix, result, weighting));
        }
        return rows;
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isBlank() || "ratio".equals(unit) ? "" : "\u00a0" + unit;
    }

    private List<List<String>> factorRows() {
        List<List<String>> rows = new ArrayList<>();
        for (EnergyFactor f : data.report().factors()) {
            rows.add(List.of(f.key(), Formats.number(f.value(), 4, locale), f.unit(),
                    f.year() == null ? "" : String.valueOf(f.year()), factory(f.source())));
        }
        return rows;
    }

    private String one(BigDecimal value) {
        return value == null ? "" : Formats.number(value, 1, locale);
    }
}
