package eu.aifactory.portal.energy;

import eu.aifactory.portal.energy.EnergyViewModel.ChartPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Fewer points for drawing: consecutive points are merged into buckets whose values are the sums of their points,
 * so the chart's total (and each series' total) stays exactly the report's.
 */
final class ChartDownsampler {

    static final int MAX_POINTS = 400;

    private ChartDownsampler() {
    }

    static List<ChartPoint> downsample(List<ChartPoint> points, int maxPoints) {
        if (points.size() <= maxPoints) {
            return List.copyOf(points);
        }
        int perBucket = (points.size() + maxPoints - 1) / maxPoints;
        List<ChartPoint> merged = new ArrayList<>();
        for (int i = 0; i < points.size(); i += perBucket) {
            List<ChartPoint> bucket = points.subList(i, Math.min(points.size(), i + perBucket));
            BigDecimal renewable = BigDecimal.ZERO;
            BigDecimal grid = BigDecimal.ZERO;
            for (ChartPoint p : bucket) {
                renewable = renewable.add(p.renewableKwh());
                grid = grid.add(p.gridKwh());
            }
            ChartPoint first = bucket.get(0);
            merged.add(new ChartPoint(first.key(), first.label(), first.start(), renewable, grid));
        }
        return merged;
    }
}
