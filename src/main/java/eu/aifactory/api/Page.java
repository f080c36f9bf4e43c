package eu.aifactory.api;

import java.util.List;

/**
 * One page of a cursor-paginated list. {@code nextCursor} is opaque and absent on the last page;
 * cursors stay valid while items are added, because they encode the sort key of the last item.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
