package eu.aifactory.portal.energy;

import eu.aifactory.api.LocalizedText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the stacked chart draws: consecutive time buckets and, per layer (an application, a project, or renewable and
 * grid energy), the facility kWh of each bucket. Layers are stacked in list order, the largest first.
 *
 * @param labels the buckets' names, e.g. {@code 2026-07-01} or {@code 2026-W27}, in time order
 * @param starts the buckets' starts (null where unknown), as many as labels
 */
public record ChartStack(List<String> labels, List<Instant> starts, List<Layer> layers) {

    public static final ChartStack EMPTY = new ChartStack(List.of(), List.of(), List.of());

    public ChartStack {
        labels = List.copyOf(labels);
        starts = Collections.unmodifiableList(new ArrayList<>(starts));
        layers = List.copyOf(layers);
        if (starts.size() != labels.size()) {
            throw new IllegalArgumentException(starts.size() + " starts for " + labels.size() + " buckets");
        }
        for (Layer layer : layers) {
            if (layer.values().size() != labels.size()) {
                throw new IllegalArgumentException("layer " + layer.key() + " has " + layer.values().size()
                        + " values for " + labels.size() + " buckets");
            }
        }
    }

    public int buckets() {
        return labels.size();
    }

    /** The sum over all layers and buckets. */
    public BigDecimal total() {
        return layers.stream().map(Layer::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum over all layers of one bucket. */
    public BigDecimal bucketTotal(int bucket) {
        return layers.stream().map(l -> l.values().get(bucket)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * One stacked series.
     *
     * @param label the factory's (English) label of the series
     * @param name  its name in both languages where the portal knows one (an application's catalog name), else null
     */
    public record Layer(String key, String label, LocalizedText name, List<BigDecimal> values) {
        public Layer {
            Objects.requireNonNull(key);
            Objects.requireNonNull(label);
            values = List.copyOf(values);
        }

        public Layer(String key, String label, List<BigDecimal> values) {
            this(key, label, null, values);
        }

        /** What the legend and the hover call this layer in {@code locale}. */
        public String label(Locale locale) {
            return name == null ? label : name.in(locale);
        }

        public BigDecimal total() {
            return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
