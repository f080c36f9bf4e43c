package eu.aifactory.api.workload;

import java.time.Instant;

/** One line of a workload's log; {@code line} counts from 1 and never changes. */
public record LogLine(long line, Instant time, String text) {
}
