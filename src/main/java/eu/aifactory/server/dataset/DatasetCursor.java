package eu.aifactory.server.dataset;

import eu.aifactory.server.http.Cursors;
import java.util.List;

/** The keyset position after which a page starts (newest first). */
public record DatasetCursor(long createdAt, String id) {

    /** The opaque cursor a client sends back for the next page. */
    public String wire() {
        return Cursors.encode(List.of("ds", Long.toString(createdAt), id));
    }

    /** The cursor a client sent, or null without one; a cursor of another list is a 400. */
    public static DatasetCursor parse(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor);
        if (parts.size() != 3 || !"ds".equals(parts.get(0))) {
            throw Cursors.invalid();
        }
        try {
            return new DatasetCursor(Long.parseLong(parts.get(1)), parts.get(2));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
