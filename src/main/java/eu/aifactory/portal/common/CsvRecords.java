package eu.aifactory.portal.common;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** RFC 4180 records for the portal's CSV exports: comma-separated, CRLF, quoted only where needed, quotes doubled. */
public final class CsvRecords {

    private CsvRecords() {
    }

    public static void write(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    public static String quote(String cell) {
        String value = cell == null ? "" : cell;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** A number as machine-readable text: a dot, every decimal given, no exponent; empty when absent. */
    public static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
