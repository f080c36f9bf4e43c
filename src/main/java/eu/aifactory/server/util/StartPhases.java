package eu.aifactory.server.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How long each phase of a start took, for the one log line that says where a start's time went: the figures the
 * start-up benchmark and an operator read. Phases follow each other; each lasts from the previous mark to its own.
 */
public final class StartPhases {

    private final LongSupplier nanos;
    private final long begun;
    private final List<String> names = new ArrayList<>();
    private final List<Long> millis = new ArrayList<>();
    private long last;

    public StartPhases(LongSupplier nanos) {
        this.nanos = nanos;
        this.begun = nanos.getAsLong();
        this.last = begun;
    }

    /** Ends the phase called {@code name} now. */
    public void mark(String name) {
        long now = nanos.getAsLong();
        names.add(name);
        millis.add((now - last) / 1_000_000);
        last = now;
    }

    /** Milliseconds since this timer began. */
    public long totalMillis() {
        return (last - begun) / 1_000_000;
    }

    /** "database 812 ms, catalog 12 ms, ..." in the order the phases ran. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(millis.get(i)).append(" ms");
        }
        return text.toString();
    }
}
