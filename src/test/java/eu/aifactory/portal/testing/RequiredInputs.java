package eu.aifactory.portal.testing;

import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.MediaTypes;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flow tests' inputs: a small file of a type each required slot reads, uploaded into the form's project. */
public final class RequiredInputs {

    private RequiredInputs() {
    }

    /**
     * Uploads one file per required input slot of {@code form} (call off the FX thread) and returns what to select;
     * select them on the FX thread with {@link #select(Map)}.
     */
    public static Map<InputSlotViewModel, Dataset> upload(SubmitFormViewModel form, FactoryClient client, Path dir)
            throws IOException {
        String project = form.projectProperty().get().id();
        Map<InputSlotViewModel, Dataset> picks = new LinkedHashMap<>();
        for (InputSlotViewModel slot : form.inputSlots()) {
            if (!slot.slot().required()) {
                continue;
            }
            String ending = slot.slot().mediaTypes().stream().map(MediaTypes::find).flatMap(java.util.Optional::stream)
                    .map(t -> t.extensions().get(0)).findFirst().orElse("bin");
            Path file = Files.write(dir.resolve(slot.name() + "." + ending), new byte[64]);
            picks.put(slot, client.uploadDataset(project, file, sent -> { }));
        }
        return picks;
    }

    public static void select(Map<InputSlotViewModel, Dataset> picks) {
        picks.forEach((slot, dataset) -> slot.selectedProperty().set(dataset));
    }
}
