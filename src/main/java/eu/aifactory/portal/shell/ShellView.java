package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.i18n.I18n;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window once signed in: navigation on the left, a header with the page title, the connection indicator
 * and who is signed in, and the current page. Pages are built the first time they are opened.
 */
public final class ShellView extends BorderPane {

    private static final Logger LOG = LoggerFactory.getLogger(ShellView.class);

    private final ShellViewModel viewModel;
    private final PageRegistry registry;
    private final PageContext context;
    private final I18n i18n;
    private final Map<Destination, Page> pages = new EnumMap<>(Destination.class);
    private final StackPane host = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private HBox header;
    private Page current;
    private ChangeListener<ConnectionMonitor.State> connectionListener;

    public ShellView(ShellViewModel viewModel, PageRegistry registry, PageContext context, I18n i18n) {
        this.viewModel = viewModel;
        this.registry = registry;
        this.context = context;
        this.i18n = i18n;
        setId("shell");
        getStyleClass().add("shell");
        getStylesheets().add(Objects.requireNonNull(ShellView.class.getResource("shell.css")).toExternalForm());

        host.setId("page-host");
        host.getStyleClass().add("page-host");
        setLeft(buildNavigation());
        setCenter(new BorderPane(host, buildHeader(), null, null, null));

        viewModel.selectedProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.selectedProperty().get());
        viewModel.watchAccessRequests(context.executor());
    }

    public ShellViewModel viewModel() {
        return viewModel;
    }

    /** The page on screen. */
    public Page currentPage() {
        return current;
    }

    /** Ctrl+K: the current page moves focus to its search field. */
    public void focusSearch() {
        if (current != null) {
            current.focusSearch();
        }
    }

    /** Puts a control of another feature (the guided tour's entry) into the header, before the connection indicator. */
    public void addHeaderAction(Node action) {
        header.getChildren().add(header.getChildren().size() - 2, action);
    }

    /** The session ended: every page stops its background work. */
    public void dispose() {
        pages.values().forEach(page -> {
            try {
                page.dispose();
            } catch (RuntimeException e) {
                LOG.warn("page {} failed to dispose", page.id(), e);
            }
        });
        pages.clear();
        viewModel.dispose();
        // The connection monitor outlives the session; its listener would keep this shell and its pages.
        viewModel.connectionStateProperty().removeListener(connectionListener);
    }

    private void show(Destination destination) {
        Page page = pages.computeIfAbsent(destination, this::create);
        current = page;
        host.getChildren().setAll(page.view());
        for (Toggle toggle : navigation.getToggles()) {
            if (toggle.getUserData() == destination) {
                navigation.selectToggle(toggle);
            }
        }
        page.onShow();
    }

    private Page create(Destination destination) {
        return registry.factory(destination.pageId(), viewModel.permissions()).map(factory -> {
            try {
                return factory.create(context);
            } catch (RuntimeException e) {
                LOG.error("page {} could not be built", destination.pageId(), e);
                return (Page) new ComingSoonPage(destination, i18n, "page.failed.text");
            }
        }).orElseGet(() -> new ComingSoonPage(destination, i18n));
    }

    private Node buildNavigation() {
        ImageView logo = new ImageView(new Image(Objects.requireNonNull(
                ShellView.class.getResource("/eu/aifactory/portal/icons/app-64.png")).toExternalForm(), 28, 28, true, true));
        Label brand = new Label();
        brand.textProperty().bind(i18n.binding("nav.brand"));
        brand.getStyleClass().add("nav-brand-text");
        HBox brandBox = new HBox(10, logo, brand);
        brandBox.setAlignment(Pos.CENTER_LEFT);
        brandBox.getStyleClass().add("nav-brand");

        VBox items = new VBox(2);
        items.getStyleClass().add("nav-items");
        for (Destination destination : viewModel.destinations()) {
            ToggleButton button = navButton(destination);
            if (destination == Destination.SETTINGS) {
                Region spacer = new Region();
                VBox.setVgrow(spacer, Priority.ALWAYS);
                items.getChildren().add(spacer);
            }
            items.getChildren().add(button);
        }
        VBox.setVgrow(items, Priority.ALWAYS);

        VBox nav = new VBox(brandBox, items);
        nav.setId("navigation");
        nav.getStyleClass().add("nav");
        // The user cannot leave the current page by clicking its entry again.
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                navigation.selectToggle(old);
            }
        });
        return nav;
    }

    private ToggleButton navButton(Destination destination) {
        ToggleButton button = new ToggleButton();
        button.setId("nav-" + destination.pageId());
        button.textProperty().bind(i18n.binding(destination.labelKey()));
        button.setGraphic(destination == Destination.ADMIN ? withAccessRequestBadge(new FontIcon(destination.icon()))
                : new FontIcon(destination.icon()));
        button.setUserData(destination);
        button.setToggleGroup(navigation);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add("nav-item");
        button.setFocusTraversable(true);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(i18n.binding("nav.shortcut", viewModel.shortcutDigit(destination)));
        button.setTooltip(tooltip);
        button.setOnAction(event -> viewModel.selectedProperty().set(destination));
        return button;
    }

    /** The Admin icon with the number of operator access requests waiting for a decision, when there are any. */
    private Node withAccessRequestBadge(FontIcon icon) {
        Label badge = new Label();
        badge.setId("nav-admin-badge");
        badge.getStyleClass().add("nav-badge");
        badge.textProperty().bind(viewModel.pendingAccessRequestsProperty().asString());
        badge.visibleProperty().bind(viewModel.pendingAccessRequestsProperty().greaterThan(0));
        badge.setMouseTransparent(true);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("nav.admin.pendingAccess", viewModel.pendingAccessRequestsProperty().get()),
                viewModel.pendingAccessRequestsProperty(), i18n.localeProperty()));
        badge.setTooltip(tooltip);
        StackPane graphic = new StackPane(icon, badge);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        graphic.getStyleClass().add("nav-badge-host");
        return graphic;
    }

    private Node buildHeader() {
        Label title = new Label();
        title.setId("page-title");
        title.getStyleClass().addAll("title-3", "page-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get(viewModel.selectedProperty().get().labelKey()),
                viewModel.selectedProperty(), i18n.localeProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        header = new HBox(12, title, spacer, buildConnectionIndicator(), buildUserBox());
        header.setAlignment(Pos.CENTER_LEFT);
        header.setId("header");
        header.getStyleClass().add("header");
        return header;
    }

    private Node buildConnectionIndicator() {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("connection-dot");
        Label state = new Label();
        state.setId("connection-state");
        state.textProperty().bind(viewModel.connectionText());
        state.getStyleClass().add("connection-state");
        Label lastContact = new Label();
        lastContact.setId("connection-last-contact");
        lastContact.textProperty().bind(viewModel.lastContactText());
        lastContact.getStyleClass().add("connection-last-contact");
        lastContact.setMinWidth(Region.USE_PREF_SIZE);
        VBox texts = new VBox(0, state, lastContact);
        texts.setAlignment(Pos.CENTER_LEFT);

        HBox indicator = new HBox(8, dot, texts);
        indicator.setId("connection-indicator");
        indicator.setAlignment(Pos.CENTER_LEFT);
        indicator.getStyleClass().add("connection-indicator");
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.factoryText());
        Tooltip.install(indicator, tooltip);
        indicator.setOnMouseClicked(event -> viewModel.checkConnection());
        applyState(indicator, viewModel.connectionStateProperty().get());
        connectionListener = (obs, old, now) -> applyState(indicator, now);
        viewModel.connectionStateProperty().addListener(connectionListener);
        return indicator;
    }

    private static void applyState(Node indicator, ConnectionMonitor.State state) {
        indicator.getStyleClass().removeAll("online", "reconnecting", "offline");
        indicator.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
    }

    private Node buildUserBox() {
        FontIcon avatar = new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE);
        avatar.getStyleClass().add("user-avatar");
        Label user = new Label(viewModel.userName());
        user.setId("header-user");
        user.getStyleClass().add("header-user");
        Label tenant = new Label(viewModel.tenantName());
        tenant.setId("header-tenant");
        tenant.getStyleClass().add("header-tenant");
        Label role = new Label();
        role.setId("header-role");
        role.textProperty().bind(viewModel.roleText());
        role.getStyleClass().add("header-role");
        tenant.setMinWidth(Region.USE_PREF_SIZE);
        role.setMinWidth(Region.USE_PREF_SIZE);
        // The role goes beside the name and the tenant under it, so the header fits the minimum window in German.
        user.setMinWidth(Region.USE_PREF_SIZE);
        HBox nameLine = new HBox(6, user, new Label("·"), role);
        nameLine.setAlignment(Pos.BASELINE_LEFT);
        HBox tenantLine = new HBox(6, tenant);
        tenantLine.getStyleClass().add("header-tenant-line");
        VBox texts = new VBox(0, nameLine, tenantLine);
        texts.setAlignment(Pos.CENTER_LEFT);
        HBox box = new HBox(10, avatar, texts);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("header-user-box");
        box.getStyleClass().add("header-user-box");
        return box;
    }
}
