package eu.aifactory.api.admin;

/** A token for a user of the tenant, with a label saying what it is for. */
public record TokenCreate(String userId, String label) {
}
