package eu.aifactory.portal.catalog;

/** Orders of the tiles: name (per the user's language), cheapest first, most used first. */
public enum CatalogSort {
    NAME, PRICE, POPULARITY
}
