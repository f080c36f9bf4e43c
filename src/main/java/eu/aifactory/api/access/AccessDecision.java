package eu.aifactory.api.access;

/** A tenant admin's approval or denial; a denial needs a comment, for the operator and the auditor. */
public record AccessDecision(String comment) {
}
