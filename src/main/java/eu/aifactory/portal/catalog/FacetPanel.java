package eu.aifactory.portal.catalog;

import atlantafx.base.theme.Styles;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The side panel: category, GPU class, price and vendor filters, and a reset. */
final class FacetPanel extends ScrollPane {

    /** Vendors listed before "Show all": the most frequent ones, plus any ticked. */
    static final int VENDORS_SHOWN = 10;

    private final CatalogViewModel viewModel;
    private final Slider priceSlider = new Slider(0, 1, 1);
    private boolean syncingSlider;

    FacetPanel(CatalogViewModel viewModel, CatalogLabels labels, I18n i18n) {
        this.viewModel = viewModel;
        setId("catalogFacets");
        getStyleClass().add("facet-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        FacetList categories = new FacetList("category", viewModel.categoryFacet(), viewModel.selectedCategories(),
                labels::category, i18n, Integer.MAX_VALUE);
        FacetList gpuClasses = new FacetList("gpuClass", viewModel.gpuClassFacet(), viewModel.selectedGpuClasses(),
                labels::gpuClass, i18n, Integer.MAX_VALUE);
        FacetList vendors = new FacetList("vendor", viewModel.vendorFacet(), viewModel.selectedVendors(),
                vendor -> vendor, i18n, VENDORS_SHOWN);

        priceSlider.setId("priceSlider");
        priceSlider.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.priceCeilingProperty().get().compareTo(viewModel.priceFloorProperty().get()) <= 0,
                viewModel.priceFloorProperty(), viewModel.priceCeilingProperty()));
        priceSlider.valueProperty().addListener((obs, old, now) -> {
            if (!syncingSlider) {
                viewModel.maxPriceProperty().set(now.doubleValue() >= 0.999 ? null : priceAt(now.doubleValue()));
            }
        });
        viewModel.maxPriceProperty().addListener((obs, old, now) -> syncSlider());
        Label priceValue = new Label();
        priceValue.setId("priceValue");
        priceValue.getStyleClass().add("facet-value");
        priceValue.textProperty().bind(Bindings.createStringBinding(() -> {
            BigDecimal max = viewModel.maxPriceProperty().get();
            return max == null ? i18n.get("catalog.facet.priceAny") : i18n.get("catalog.facet.priceUpTo", labels.eur(max));
        }, viewModel.maxPriceProperty(), i18n.localeProperty()));

        Button reset = new Button();
        reset.setId("facetReset");
        reset.setGraphic(new FontIcon(Material2AL.CLEAR_ALL));
        reset.textProperty().bind(i18n.binding("catalog.resetFilters"));
        reset.getStyleClass().add(Styles.FLAT);
        reset.disableProperty().bind(viewModel.filtersActiveProperty().not());
        reset.setOnAction(event -> viewModel.resetFilters());
        reset.setMaxWidth(Double.MAX_VALUE);

        VBox content = new VBox(
                section(i18n, "catalog.facet.category", categories),
                section(i18n, "catalog.facet.gpuClass", gpuClasses),
                section(i18n, "catalog.facet.price", priceSlider, priceValue),
                section(i18n, "catalog.facet.vendor", vendors),
                reset);
        content.getStyleClass().add("facet-content");
        setContent(content);
    }

    private static VBox section(I18n i18n, String titleKey, javafx.scene.Node... body) {
        Label title = new Label();
        title.textProperty().bind(i18n.binding(titleKey));
        title.getStyleClass().add("facet-title");
        VBox section = new VBox(6, title);
        section.getChildren().addAll(body);
        section.getStyleClass().add("facet-section");
        return section;
    }

    /** The slider runs on a logarithmic scale: most applications cost a few euros, a few cost fifty. */
    private BigDecimal priceAt(double position) {
        double floor = Math.max(0.01, viewModel.priceFloorProperty().get().doubleValue());
        double ceiling = Math.max(floor, viewModel.priceCeilingProperty().get().doubleValue());
        double price = floor * Math.pow(ceiling / floor, position);
        return BigDecimal.valueOf(price).setScale(1, RoundingMode.CEILING);
    }

    private void syncSlider() {
        BigDecimal max = viewModel.maxPriceProperty().get();
        double floor = Math.max(0.01, viewModel.priceFloorProperty().get().doubleValue());
        double ceiling = Math.max(floor, viewModel.priceCeilingProperty().get().doubleValue());
        double position = max == null || ceiling <= floor ? 1
                : Math.log(Math.max(floor, max.doubleValue()) / floor) / Math.log(ceiling / floor);
        syncingSlider = true;
        try {
            priceSlider.setValue(Math.min(1, Math.max(0, position)));
        } finally {
            syncingSlider = false;
        }
    }
}
