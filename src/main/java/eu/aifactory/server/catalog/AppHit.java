package eu.aifactory.server.catalog;

import eu.aifactory.api.catalog.AppSummary;

/** One row of a search result page, with the cursor of its position. */
public record AppHit(AppSummary summary, AppCursor cursor) {
}
