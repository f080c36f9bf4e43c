package eu.aifactory.server.workload;

import eu.aifactory.server.http.Cursors;
import java.util.List;

/** The keyset position after which a page starts. */
public record WorkloadCursor(long createdAt, String id) {

    /** The opaque cursor a client sends back for the next page in this direction. */
    public String wire(boolean newestFirst) {
        return Cursors.encode(List.of("wl", newestFirst ? "desc" : "asc", Long.toString(createdAt), id));
    }

    /** The cursor a client sent, or null without one; a cursor of another list or direction is a 400. */
    public static WorkloadCursor parse(String cursor, boolean newestFirst) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor);
        if (parts.size() != 4 || !"wl".equals(parts.get(0)) || !(newestFirst ? "desc" : "asc").equals(parts.get(1))) {
            throw Cursors.invalid();
        }
        try {
            return new WorkloadCursor(Long.parseLong(parts.get(2)), parts.get(3));
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
