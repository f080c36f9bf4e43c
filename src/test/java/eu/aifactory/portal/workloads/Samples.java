package eu.aifactory.portal.workloads;

import eu.aifactory.api.LocalizedText;
import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.catalog.ArtifactKind;
import eu.aifactory.api.catalog.ArtifactSlot;
import eu.aifactory.api.catalog.ParameterSpec;
import eu.aifactory.api.catalog.ParameterType;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An inspection app whose version has one parameter of every type, and workloads to list. */
final class Samples {

    static final String APP_ID = "visual-inspection";
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Samples() {
    }

    static ParameterSpec threshold() {
        return new ParameterSpec("threshold", ParameterType.NUMBER, LocalizedText.of("Confidence threshold", "Konfidenzschwelle"),
                LocalizedText.of("Detections below are ignored.", "Erkennungen darunter werden ignoriert."), true,
                0.5, new BigDecimal("0.05"), new BigDecimal("0.99"), null, null, null);
    }

    static ParameterSpec imageSize() {
        return new ParameterSpec("imageSize", ParameterType.INTEGER, LocalizedText.of("Image size", "Bildgröße"),
                LocalizedText.of("Edge length the images are scaled to.", "Kantenlänge, auf die skaliert wird."), true,
                1024, new BigDecimal("256"), new BigDecimal("4096"), null, null, "px");
    }

    static ParameterSpec lineId() {
        return new ParameterSpec("lineId", ParameterType.STRING, LocalizedText.of("Line", "Linie"),
                LocalizedText.of("Production line, e.g. L03.", "Fertigungslinie, z. B. L03."), true,
                null, null, null, "^L[0-9]{2}$", null, null);
    }

    static ParameterSpec saveAnnotated() {
        return new ParameterSpec("saveAnnotated", ParameterType.BOOLEAN, LocalizedText.of("Save annotated images", "Annotierte Bilder speichern"),
                null, false, true, null, null, null, null, null);
    }

    static ParameterSpec defectClasses() {
        return new ParameterSpec("defectClasses", ParameterType.ENUM, LocalizedText.of("Defect classes", "Fehlerklassen"),
                null, true, "surface", null, null, null, List.of("surface", "weld", "all"), null);
    }

    static AppVersion version() {
        return new AppVersion("2.1.0", LocalDate.of(2026, 2, 1),
                List.of(threshold(), imageSize(), lineId(), saveAnnotated(), defectClasses()),
                List.of(new ArtifactSlot("images", ArtifactKind.DATASET, LocalizedText.of("Images", "Bilder"), true,
                        LocalizedText.of("Part images", "Bauteilbilder"), List.of("image/png", "image/jpeg", "image/tiff", "application/zip"))),
                List.of(), List.of("rtx-pro-6000-x1", "b200-x1"), new BigDecimal("1.20"), 30, 0.8);
    }

    static AppDetail app() {
        return new AppDetail(FakeFactoryClient.app(APP_ID, "Visual inspection", "Sichtprüfung", "quality", "Bergmann",
                "b200", "12.00", 10), LocalizedText.of("Finds defects.", "Findet Fehler."), List.of(version()));
    }

    static List<ResourcePlan> plans() {
        return List.of(new ResourcePlan("rtx-pro-6000-x1", LocalizedText.of("RTX PRO single", "RTX PRO einzeln"),
                        "RTX PRO 6000", "rtx-pro-6000", 1, 60, 600, 200, new BigDecimal("3.10")),
                new ResourcePlan("b200-x1", LocalizedText.of("B200 single", "B200 einzeln"), "B200", "b200", 1, 140, 1000,
                        400, new BigDecimal("6.50")));
    }

    static Estimate estimate(String cost) {
        return new Estimate(new BigDecimal(cost), new BigDecimal("0.5"), new BigDecimal("0.9"), new BigDecimal("0.33"),
                BigDecimal.ZERO, 1800, 120, "aif-energy-1");
    }

    static Workload workload(String id, WorkloadStatus status, String submittedBy, Instant createdAt) {
        return new Workload(id, "Run " + id, APP_ID, "2.1.0", "p-inspection", submittedBy,
                "u-anna".equals(submittedBy) ? "Anna Schmidt" : "Ben Ott", "b200-x1", Priority.NORMAL,
                Map.of("threshold", 0.7, "imageSize", 2048, "lineId", "L07", "saveAnnotated", false, "defectClasses", "weld"),
                Map.of("images", "ds-42"), status, "reason of " + id, createdAt,
                status == WorkloadStatus.QUEUED ? null : createdAt.plusSeconds(60),
                status.isTerminal() ? createdAt.plusSeconds(600) : null, new BigDecimal("1.50"), new BigDecimal("2.5"),
                new BigDecimal("0.4"), List.of(new Workload.StatusChange(WorkloadStatus.QUEUED, "submitted", createdAt)));
    }
}
