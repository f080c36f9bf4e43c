package eu.aifactory.portal.catalog;

/**
 * One value of a facet (a category, a vendor, a GPU class) with the number of applications that have it and
 * match the search and the <em>other</em> facets, so ticking more values of the same facet widens the result.
 */
public record FacetOption(String key, int count) {
}
