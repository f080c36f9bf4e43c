package eu.aifactory.portal.catalog;

/**
 * Why the catalog or a detail could not be shown.
 *
 * @param unreachable true when the factory did not answer (offline), false when it answered with an error
 * @param detail      the factory's explanation, untranslated; may be null
 */
public record LoadProblem(boolean unreachable, String detail) {
}
