package eu.aifactory.api.catalog;

import eu.aifactory.api.LocalizedText;
import java.util.List;

/**
 * A named input or output of an application version, e.g. the image dataset an inspection model reads.
 *
 * @param title      what people call it ("Part images"); null when the name says it
 * @param mediaTypes the file types the slot reads ({@code image/png}, {@code application/zip} for a packed folder);
 *                   empty when any file will do
 */
public record ArtifactSlot(String name, ArtifactKind kind, LocalizedText description, boolean required,
                           LocalizedText title, List<String> mediaTypes) {

    public ArtifactSlot {
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
    }
}
