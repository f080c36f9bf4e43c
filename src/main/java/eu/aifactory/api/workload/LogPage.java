package eu.aifactory.api.workload;

import java.util.List;

/**
 * A range of log lines.
 *
 * @param nextLine the line number to ask for next to continue where this page ended
 * @param complete true when the workload has ended and no more lines will come
 */
public record LogPage(List<LogLine> lines, long nextLine, boolean complete) {

    public LogPage {
        lines = List.copyOf(lines);
    }
}
