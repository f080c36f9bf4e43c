package eu.aifactory.portal.catalog;

/** What the catalog's main area shows. Being offline is separate: an offline catalog is still READY or EMPTY. */
public enum CatalogState {
    /** Nothing to show yet; the first load is running. */
    LOADING,
    /** At least one application matches the search and filters. */
    READY,
    /** Applications are loaded but none matches. */
    EMPTY,
    /** Nothing could be loaded, and there is no cached catalog either. */
    ERROR
}
