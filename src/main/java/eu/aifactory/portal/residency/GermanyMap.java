package eu.aifactory.portal.residency;

import eu.aifactory.api.report.ResidencyReport;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;

/**
 * A hand-drawn map of Germany with the factory's sites: the border from a few dozen lon/lat points, projected
 * equirectangularly with the longitude squeezed by the cosine of the middle latitude, which is close enough at
 * this scale. Sites are dots sized by the data stored there, each with a label (name and volume).
 */
public final class GermanyMap extends Pane {

    /** The border, clockwise from the Danish border on the North Sea coast, in degrees (lon, lat). */
    private static final double[] OUTLINE = {
            8.66, 54.91, 9.44, 54.83, 9.95, 54.52, 10.17, 54.36, 10.87, 54.36, 11.09, 54.01, 10.87, 53.93,
            11.48, 53.96, 12.10, 54.18, 12.53, 54.47, 13.20, 54.55, 13.42, 54.68, 13.65, 54.45, 14.22, 53.93,
            14.41, 53.27, 14.12, 52.83, 14.64, 52.57, 14.60, 52.27, 14.71, 51.97, 14.59, 51.58, 15.03, 51.29,
            14.82, 50.87, 14.31, 51.05, 13.55, 50.71, 12.94, 50.41, 12.32, 50.18, 12.09, 50.32, 12.50, 49.97,
            12.40, 49.75, 12.93, 49.35, 13.40, 49.02, 13.84, 48.77, 13.44, 48.57, 13.03, 48.26, 12.76, 48.12,
            13.02, 47.47, 12.74, 47.67, 12.21, 47.71, 11.63, 47.59, 11.10, 47.40, 10.47, 47.55, 10.17, 47.37,
            9.97, 47.55, 9.56, 47.54, 8.87, 47.67, 8.56, 47.81, 8.23, 47.62, 7.59, 47.58, 7.51, 47.70,
            7.59, 48.13, 7.80, 48.59, 8.23, 48.97, 7.45, 49.17, 6.74, 49.17, 6.36, 49.47, 6.52, 49.80,
            6.14, 50.13, 6.40, 50.32, 6.01, 50.76, 5.87, 51.05, 6.17, 51.39, 5.96, 51.81, 6.80, 51.96,
            7.07, 52.24, 6.70, 52.49, 7.06, 52.65, 7.21, 53.24, 7.00, 53.60, 7.30, 53.69, 8.01, 53.71,
            8.52, 53.55, 8.68, 53.89, 9.02, 53.87, 8.88, 54.05, 8.60, 54.30, 8.88, 54.45, 8.60, 54.91
    };
    /** Cities drawn for orientation only: name, lon, lat. */
    private static final Object[][] LANDMARKS = {
            {"Hamburg", 9.99, 53.55}, {"Berlin", 13.40, 52.52}, {"Köln", 6.96, 50.94}, {"Frankfurt", 8.68, 50.11},
            {"Leipzig", 12.37, 51.34}, {"Stuttgart", 9.18, 48.78}
    };
    private static final String ANCHOR = "germany-map-anchor";
    private static final double WEST = 5.8;
    private static final double EAST = 15.1;
    private static final double SOUTH = 47.2;
    private static final double NORTH = 55.1;
    private static final double SQUEEZE = Math.cos(Math.toRadians((SOUTH + NORTH) / 2));
    private static final double PADDING = 16;

    private final Polygon border = new Polygon();
    private final Pane marks = new Pane();
    private List<ResidencyReport.Site> sites = List.of();
    private Locale locale = Locale.UK;
    private UnaryOperator<String> text = UnaryOperator.identity();

    public GermanyMap() {
        getStyleClass().add("germany-map");
        border.getStyleClass().add("germany-border");
        marks.setManaged(false);
        getChildren().addAll(border, marks);
        setMinSize(180, 220);
        setPrefSize(390, 500);
        widthProperty().addListener((obs, old, now) -> redraw());
        heightProperty().addListener((obs, old, now) -> redraw());
    }

    public void show(List<ResidencyReport.Site> newSites, Locale newLocale) {
        show(newSites, newLocale, UnaryOperator.identity());
    }

    /** As {@link #show(List, Locale)}, with the city names put through {@code text} (a report's translations). */
    public void show(List<ResidencyReport.Site> newSites, Locale newLocale, UnaryOperator<String> text) {
        this.sites = List.copyOf(newSites);
        this.locale = newLocale;
        this.text = text;
        redraw();
    }

    /** The size the map is drawn for: its laid-out size, or its preferred size before the first layout. */
    private double drawnWidth() {
        return getWidth() > 0 ? getWidth() : getPrefWidth();
    }

    private double drawnHeight() {
        return getHeight() > 0 ? getHeight() : getPrefHeight();
    }

    private double scale() {
        double w = drawnWidth() - 2 * PADDING;
        double h = drawnHeight() - 2 * PADDING;
        return Math.min(w / ((EAST - WEST) * SQUEEZE), h / (NORTH - SOUTH));
    }

    Point2D project(double lon, double lat) {
        double scale = scale();
        double width = (EAST - WEST) * SQUEEZE * scale;
        double offsetX = (drawnWidth() - width) / 2;
        double offsetY = (drawnHeight() - (NORTH - SOUTH) * scale) / 2;
        return new Point2D(offsetX + (lon - WEST) * SQUEEZE * scale, offsetY + (NORTH - lat) * scale);
    }

    /** Landmarks close to a site would collide with its label. */
    private boolean nearSite(double lon, double lat) {
        return sites.stream().anyMatch(s -> Math.abs(s.latitude() - lat) < 0.6 && (labelledLeft(s)
                ? lon > s.longitude() - 3.4 && lon < s.longitude() + 0.6
                : lon > s.longitude() - 0.6 && lon < s.longitude() + 3.4));
    }

    private void redraw() {
        border.getPoints().clear();
        for (int i = 0; i < OUTLINE.length; i += 2) {
            Point2D p = project(OUTLINE[i], OUTLINE[i + 1]);
            border.getPoints().addAll(p.getX(), p.getY());
        }
        marks.getChildren().clear();
        for (Object[] landmark : LANDMARKS) {
            if (nearSite((double) landmark[1], (double) landmark[2])) {
                continue;
            }
            Point2D p = project((double) landmark[1], (double) landmark[2]);
            Circle dot = new Circle(p.getX(), p.getY(), 2.5);
            dot.getStyleClass().add("landmark-dot");
            Label name = new Label((String) landmark[0]);
            name.getStyleClass().add("landmark-name");
            anchor(name, p.getX() + 5, p.getY(), false);
            marks.getChildren().addAll(dot, name);
        }
        long largest = sites.stream().mapToLong(ResidencyReport.Site::storedBytes).max().orElse(0);
        for (ResidencyReport.Site site : sites) {
            Point2D p = project(site.longitude(), site.latitude());
            double radius = largest <= 0 ? 6 : 6 + 10 * Math.sqrt((double) site.storedBytes() / largest);
            Circle halo = new Circle(p.getX(), p.getY(), radius + 4);
            halo.getStyleClass().add("site-halo");
            Circle dot = new Circle(p.getX(), p.getY(), radius);
            dot.getStyleClass().addAll("site-dot", site.role() == ResidencyReport.SiteRole.PRIMARY ? "site-primary" : "site-backup");
            Label name = new Label(text.apply(site.city()));
            name.getStyleClass().add("site-name");
            Label volume = new Label(ResidencyTables.bytes(site.storedBytes(), locale));
            volume.getStyleClass().add("site-volume");
            VBox label = new VBox(name, volume);
            label.getStyleClass().add("site-label");
            // Labels go right of the dot, or left of it when the dot sits in the eastern half.
            boolean east = labelledLeft(site);
            anchor(label, east ? p.getX() - radius - 8 : p.getX() + radius + 8, p.getY(), east);
            marks.getChildren().addAll(halo, dot, label);
        }
        requestLayout();
    }

    private static boolean labelledLeft(ResidencyReport.Site site) {
        return site.longitude() > 11.5;
    }

    /** Remembers where a label belongs; it is sized and placed in {@link #layoutChildren()}, once CSS is applied. */
    private static void anchor(Region label, double x, double y, boolean leftOfX) {
        label.getProperties().put(ANCHOR, new double[]{x, y, leftOfX ? 1 : 0});
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        marks.resizeRelocate(0, 0, getWidth(), getHeight());
        for (Node node : marks.getChildren()) {
            if (node instanceof Region label && label.getProperties().get(ANCHOR) instanceof double[] anchor) {
                label.applyCss();
                label.autosize();
                double width = label.getWidth();
                double x = anchor[2] > 0 ? anchor[0] - width : anchor[0];
                label.relocate(x, anchor[1] - label.getHeight() / 2);
            }
        }
    }
}
