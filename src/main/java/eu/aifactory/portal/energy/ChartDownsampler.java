package eu.aifactory.portal.energy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fewer buckets for drawing: consecutive buckets are merged into wider ones whose values are the sums of theirs, so
 * every layer's total and the chart's total stay exactly the report's. A year of hourly buckets (8,760) becomes at
 * most {@link #MAX_POINTS} on screen.
 */
final class ChartDownsampler {

    static final int MAX_POINTS = 400;

    private ChartDownsampler() {
    }

    static ChartStack downsample(ChartStack stack, int maxPoints) {
        int n = stack.buckets();
        if (n <= maxPoints) {
            return stack;
        }
        int perBucket = (n + maxPoints - 1) / maxPoints;
        List<String> labels = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < n; i += perBucket) {
            int last = Math.min(n, i + perBucket) - 1;
            labels.add(last == i ? stack.labels().get(i) : stack.labels().get(i) + " \u2013 " + stack.labels().get(last));
            starts.add(stack.starts().get(i));
        }
        List<ChartStack.Layer> layers = new ArrayList<>(stack.layers().size());
        for (ChartStack.Layer layer : stack.layers()) {
            List<BigDecimal> values = layer.values();
            List<BigDecimal> merged = new ArrayList<>(labels.size());
            for (int i = 0; i < n; i += perBucket) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = i, end = Math.min(n, i + perBucket); j < end; j++) {
                    sum = sum.add(values.get(j));
                }
                merged.add(sum);
            }
            layers.add(new ChartStack.Layer(layer.key(), layer.label(), layer.name(), merged));
        }
        return new ChartStack(labels, starts, layers);
    }
}
