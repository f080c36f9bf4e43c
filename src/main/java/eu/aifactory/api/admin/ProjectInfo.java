package eu.aifactory.api.admin;

/** A project of the tenant with how many users belong to it. */
public record ProjectInfo(String id, String name, int memberCount) {
}
