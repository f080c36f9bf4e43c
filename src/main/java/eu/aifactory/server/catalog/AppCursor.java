package eu.aifactory.server.catalog;

import eu.aifactory.server.http.Cursors;
import java.math.BigDecimal;
import java.util.List;

/** The position after which the next page starts: the sort value of the last item and its id. */
public record AppCursor(String sortValue, String id) {

    /** The opaque cursor a client sends back for the next page of this sort. */
    public String wire(AppSort sort) {
        return Cursors.encode(List.of("app", sort.name(), sortValue, id));
    }

    /** The cursor a client sent, or null without one; a cursor of another list or sort is a 400. */
    public static AppCursor parse(String cursor, AppSort sort) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor);
        if (parts.size() != 4 || !"app".equals(parts.get(0)) || !sort.name().equals(parts.get(1))) {
            throw Cursors.invalid();
        }
        try {
            switch (sort) {
                case PRICE -> new BigDecimal(parts.get(2));
                case POPULARITY -> Integer.parseInt(parts.get(2));
                default -> { }
            }
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
        return new AppCursor(parts.get(2), parts.get(3));
    }
}
