package eu.aifactory.api.admin;

/** A new project; the factory chooses its id. */
public record ProjectCreate(String name) {
}
