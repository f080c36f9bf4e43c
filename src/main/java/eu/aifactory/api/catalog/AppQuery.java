package eu.aifactory.api.catalog;

/**
 * Filters for {@code GET /v1/apps}; null means "any".
 *
 * @param sort {@code name}, {@code price} or {@code popularity}
 */
public record AppQuery(String q, String category, String vendor, String gpuClass, String tag, String sort,
                       Integer limit, String cursor) {

    public static AppQuery all() {
        return new AppQuery(null, null, null, null, null, null, null, null);
    }

    public AppQuery withLimit(int newLimit) {
        return new AppQuery(q, category, vendor, gpuClass, tag, sort, newLimit, cursor);
    }

    public AppQuery withCursor(String newCursor) {
        return new AppQuery(q, category, vendor, gpuClass, tag, sort, limit, newCursor);
    }
}
