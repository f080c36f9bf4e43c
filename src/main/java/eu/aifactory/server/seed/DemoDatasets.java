package eu.aifactory.server.seed;

import eu.aifactory.server.dataset.DatasetService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sample data in every demo project, so a demo user (and a trade-fair visitor on the guided tour) can submit any
 * application without uploading a file: every required input of the catalog reads a ZIP archive or a CSV file (or
 * any file), so one of each per project fills them all. Each is added where the project lacks it by name, so a demo
 * database seeded before sample data existed gets it at its next start, and a restart adds nothing.
 */
public final class DemoDatasets {

    public static final String ZIP_NAME = "Beispieldaten.zip";
    public static final String CSV_NAME = "Beispieldaten.csv";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDatasets.class);
    /** A fixed time in the archive, so every installation stores the same bytes (and the same SHA-256). */
    private static final FileTime ARCHIVED = FileTime.from(Instant.parse("2026-01-15T09:00:00Z"));

    private final DatasetService datasets;

    public DemoDatasets(DatasetService datasets) {
        this.datasets = datasets;
    }

    /** Stores the samples in each project of {@code tenants} that has no dataset yet. */
    public void seed(List<SeedSource.SeedTenant> tenants) {
        int stored = 0;
        for (SeedSource.SeedTenant tenant : tenants) {
            for (SeedSource.SeedProject project : tenant.projects()) {
                // The CSV first, so the ZIP is the newer one, offered first where both would do.
                if (!datasets.has(tenant.id(), project.id(), CSV_NAME)) {
                    datasets.store(tenant.id(), project.id(), CSV_NAME, "text/csv", new ByteArrayInputStream(csv()));
                    stored++;
                }
                if (!datasets.has(tenant.id(), project.id(), ZIP_NAME)) {
                    datasets.store(tenant.id(), project.id(), ZIP_NAME, "application/zip", new ByteArrayInputStream(zip()));
                    stored++;
                }
            }
        }
        if (stored > 0) {
            LOG.info("Demo sample data stored: {} datasets", stored);
        }
    }

    static byte[] csv() {
        StringBuilder csv = new StringBuilder("timestamp,line,part_id,measurement,value,unit\r\n");
        String[] measurements = {"diameter", "roughness_ra", "spindle_temp"};
        String[] units = {"mm", "um", "degC"};
        double[] base = {24.995, 0.42, 41.5};
        for (int i = 0; i < 24; i++) {
            int m = i % 3;
            double value = base[m] + ((i * 7) % 5 - 2) * (m == 0 ? 0.002 : m == 1 ? 0.03 : 0.4);
            csv.append(String.format(java.util.Locale.ROOT, "2026-01-15T08:%02d:00Z,L03,P-%05d,%s,%.3f,%s\r\n",
                    i * 2, 10_000 + i / 3, measurements[m], value, units[m]));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, "LIESMICH.txt", ("Beispieldaten der Demo-Factory: Messwerte einer Drehteil-Linie.\n"
                    + "Sample data of the demo factory: measurements of a turned-parts line.\n").getBytes(StandardCharsets.UTF_8));
            add(zip, "messwerte.csv", csv());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(ARCHIVED);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
