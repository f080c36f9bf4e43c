package eu.aifactory.api.access;

/**
 * An access made under an approved request.
 *
 * @param locationCountry where the accessor physically is now; null for the country the request named
 */
public record AccessUse(String locationCountry) {
}
