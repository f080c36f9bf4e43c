package eu.aifactory.api.catalog;

import eu.aifactory.api.LocalizedText;

/** A named input or output of an application version, e.g. the image dataset an inspection model reads. */
public record ArtifactSlot(String name, ArtifactKind kind, LocalizedText description, boolean required) {
}
