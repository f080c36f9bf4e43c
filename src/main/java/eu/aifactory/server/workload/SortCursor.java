package eu.aifactory.server.workload;

import eu.aifactory.server.http.Cursors;
import java.util.List;

/** The keyset position after which a page of another order than creation starts: the sort value and the id. */
public record SortCursor(String value, String id) {

    /** The opaque cursor a client sends back for the next page of this sort and direction. */
    public String wire(Sort sort, boolean descending) {
        return Cursors.encode(List.of("wl", sort.wire(), descending ? "desc" : "asc", value, id));
    }

    /** The cursor a client sent, or null without one; a cursor of another list, sort or direction is a 400. */
    public static SortCursor parse(String cursor, Sort sort, boolean descending) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor);
        if (parts.size() != 5 || !"wl".equals(parts.get(0)) || !sort.wire().equals(parts.get(1))
                || !(descending ? "desc" : "asc").equals(parts.get(2))) {
            throw Cursors.invalid();
        }
        try {
            sort.parse(parts.get(3));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
        return new SortCursor(parts.get(3), parts.get(4));
    }
}
