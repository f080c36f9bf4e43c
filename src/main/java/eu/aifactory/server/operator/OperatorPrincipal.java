package eu.aifactory.server.operator;

/**
 * A member of the factory's operator staff, authenticated by an operator token. Not a tenant user: it belongs to no
 * tenant and opens none of the tenant endpoints.
 *
 * @param tokenId  the operator token, which stands for the person
 * @param jobTitle the role residency reports show instead of the name
 */
public record OperatorPrincipal(String tokenId, String name, String jobTitle, String employer, String officeCountry) {
}
