package eu.aifactory.server.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import eu.aifactory.server.store.CatalogStore;
import eu.aifactory.server.store.DatasetStore;
import eu.aifactory.server.store.WorkloadStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors: base64url of a small JSON array holding the sort, the last item's sort key and its id.
 * A cursor only fits the sort it was made for; anything else is a 400 on the {@code cursor} parameter.
 */
final class Cursors {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private Cursors() {
    }

    static String app(CatalogStore.AppSort sort, CatalogStore.AppCursor cursor) {
        return encode(List.of("app", sort.name(), cursor.sortValue(), cursor.id()));
    }

    static CatalogStore.AppCursor app(String cursor, CatalogStore.AppSort sort) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = decode(cursor);
        if (parts.size() != 4 || !"app".equals(parts.get(0)) || !sort.name().equals(parts.get(1))) {
            throw invalid();
        }
        try {
            switch (sort) {
                case PRICE -> new BigDecimal(parts.get(2));
                case POPULARITY -> Integer.parseInt(parts.get(2));
                default -> { }
            }
        } catch (NumberFormatException e) {
            throw invalid();
        }
        return new CatalogStore.AppCursor(parts.get(2), parts.get(3));
    }

    static String workload(boolean newestFirst, WorkloadStore.WorkloadCursor cursor) {
        return encode(List.of("wl", newestFirst ? "desc" : "asc", Long.toString(cursor.createdAt()), cursor.id()));
    }

    static WorkloadStore.WorkloadCursor workload(String cursor, boolean newestFirst) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = decode(cursor);
        if (parts.size() != 4 || !"wl".equals(parts.get(0)) || !(newestFirst ? "desc" : "asc").equals(parts.get(1))) {
            throw invalid();
        }
        try {
            return new WorkloadStore.WorkloadCursor(Long.parseLong(parts.get(2)), parts.get(3));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static String workload(WorkloadStore.Sort sort, boolean descending, WorkloadStore.SortCursor cursor) {
        return encode(List.of("wl", sort.wire(), descending ? "desc" : "asc", cursor.value(), cursor.id()));
    }

    static WorkloadStore.SortCursor workload(String cursor, WorkloadStore.Sort sort, boolean descending) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = decode(cursor);
        if (parts.size() != 5 || !"wl".equals(parts.get(0)) || !sort.wire().equals(parts.get(1))
                || !(descending ? "desc" : "asc").equals(parts.get(2))) {
            throw invalid();
        }
        try {
            sort.parse(parts.get(3));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        return new WorkloadStore.SortCursor(parts.get(3), parts.get(4));
    }

    static String dataset(DatasetStore.DatasetCursor cursor) {
        return encode(List.of("ds", Long.toString(cursor.createdAt()), cursor.id()));
    }

    static DatasetStore.DatasetCursor dataset(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = decode(cursor);
        if (parts.size() != 3 || !"ds".equals(parts.get(0))) {
            throw invalid();
        }
        try {
            return new DatasetStore.DatasetCursor(Long.parseLong(parts.get(1)), parts.get(2));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String encode(List<String> parts) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Http.OUT.writeValueAsBytes(parts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decode(String cursor) {
        try {
            List<String> parts = Http.OUT.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)),
                    STRINGS);
            if (parts == null || parts.stream().anyMatch(java.util.Objects::isNull)) {
                throw invalid();
            }
            return parts;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.validation("cursor", "is not a cursor of this list and sort; start again without it");
    }
}
