package eu.aifactory.api.usage;

/** A person of the tenant who can help, e.g. a tenant admin who may raise a budget or grant an override. */
public record Contact(String id, String name, String email) {
}
