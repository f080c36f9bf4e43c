package eu.aifactory.portal.energy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Chart data for tests and the redraw benchmark: a year of hourly buckets with several layers, to the Wh. */
public final class EnergyChartData {

    private EnergyChartData() {
    }

    /** 8,760 hourly buckets of 2026 and {@code layers} layers with random energy (fixed seed). */
    public static ChartStack hourlyYear(int layers) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        LocalDateTime first = LocalDateTime.of(2026, 1, 1, 0, 0);
        int hours = 8760;
        List<String> labels = new ArrayList<>(hours);
        List<Instant> starts = new ArrayList<>(hours);
        for (int h = 0; h < hours; h++) {
            LocalDateTime t = first.plusHours(h);
            labels.add(format.format(t));
            starts.add(t.toInstant(ZoneOffset.UTC));
        }
        Random random = new Random(8760L * layers);
        List<ChartStack.Layer> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            List<BigDecimal> values = new ArrayList<>(hours);
            for (int h = 0; h < hours; h++) {
                // Daytime peaks, some idle hours, whole Wh.
                long wh = (h % 24 >= 7 && h % 24 <= 19 ? 40_000 : 8_000) + random.nextInt(20_000) - (l * 1_000L);
                values.add(BigDecimal.valueOf(Math.max(0, wh), 3));
            }
            out.add(new ChartStack.Layer("app-" + l, "Application " + (l + 1), values));
        }
        return new ChartStack(labels, starts, out);
    }
}
