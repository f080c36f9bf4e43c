package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.settings.Settings.WindowBounds;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's one window: the sign-in page while nobody is signed in, the shell afterwards. Owns the window's
 * size and position (remembered, kept on a screen), its icon, its minimum size and the keyboard shortcuts.
 */
public final class PortalWindow {

    private static final Logger LOG = LoggerFactory.getLogger(PortalWindow.class);

    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 680;
    static final double PREFERRED_WIDTH = 1360;
    static final double PREFERRED_HEIGHT = 860;
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private final Stage stage;
    private final ShellServices services;
    private final StackPane root = new StackPane();
    private final Scene scene;
    private ShellView shell;
    private final List<Consumer<ShellView>> shellListeners = new ArrayList<>();
    private WindowBounds normalBounds;

    public PortalWindow(Stage stage, ShellServices services) {
        this.stage = stage;
        this.services = services;
        root.setId("portal-root");
        scene = new Scene(root, PREFERRED_WIDTH, PREFERRED_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(
                PortalWindow.class.getResource("/eu/aifactory/portal/app.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        services.sessions().sessionProperty().addListener((obs, old, now) -> showFor(now));
    }

    /** Places and shows the window with the sign-in page (or the shell, if a session is already open). */
    public void show() {
        stage.titleProperty().bind(services.i18n().binding("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        addIcons();
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        List<Rectangle2D> ordered = new ArrayList<>(screens);
        ordered.remove(Screen.getPrimary().getVisualBounds());
        ordered.add(0, Screen.getPrimary().getVisualBounds());
        WindowBounds bounds = WindowPlacement.place(services.settings().get().window(), ordered,
                MIN_WIDTH, MIN_HEIGHT, PREFERRED_WIDTH, PREFERRED_HEIGHT);
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        normalBounds = new WindowBounds(bounds.x(), bounds.y(), bounds.width(), bounds.height(), false);
        stage.setMaximized(bounds.maximized());
        trackBounds();
        stage.setOnHiding(event -> rememberBounds());
        FileChoosers.keepIn(stage.getProperties(), services.settings().get().lastFolder(),
                folder -> services.settings().update(s -> s.withLastFolder(folder)));
        stage.setScene(scene);
        showFor(services.sessions().session());
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    /** Calls {@code listener} with every shell this window shows (one per sign-in), and at once with the one on screen. */
    public void addShellListener(Consumer<ShellView> listener) {
        shellListeners.add(listener);
        if (shell != null) {
            listener.accept(shell);
        }
    }

    /** The shell while signed in, else null. */
    public ShellView shell() {
        return shell;
    }

    private void showFor(Session session) {
        if (shell != null) {
            shell.dispose();
            shell = null;
        }
        Node content;
        if (session == null) {
            SignInViewModel viewModel = new SignInViewModel(services.executor(), services.connector(),
                    services.demoLauncher(), services.secrets(), services.settings(), services.sessions(), services.sso());
            content = new SignInView(viewModel, services.i18n(), this::switchLanguage);
            viewModel.start();
        } else {
            ShellViewModel viewModel = new ShellViewModel(session, services.i18n(), services.monitor(),
                    destination -> !services.pages().isHidden(destination.pageId()));
            PageContext context = new PageContext(session, services.i18n(), services.executor(), services.monitor(),
                    services.cacheDir(), viewModel::navigate, services.clock());
            shell = new ShellView(viewModel, services.pages(), context, services.i18n());
            content = shell;
            for (Consumer<ShellView> listener : shellListeners) {
                listener.accept(shell);
            }
        }
        root.getChildren().setAll(content);
    }

    private void switchLanguage(Locale locale) {
        services.i18n().localeProperty().set(locale);
        services.settings().update(s -> s.withLanguage(locale.getLanguage()));
    }

    /** Ctrl+1..n switch between the pages the user may open, Ctrl+K focuses the page's search (Cmd on macOS). */
    private void onKey(KeyEvent event) {
        if (shell == null || !event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.K) {
            shell.focusSearch();
            event.consume();
            return;
        }
        for (int digit = 1; digit <= 9; digit++) {
            if (code == KeyCode.valueOf("DIGIT" + digit) || code == KeyCode.valueOf("NUMPAD" + digit)) {
                shell.viewModel().destinationForShortcut(digit).ifPresent(shell.viewModel().selectedProperty()::set);
                event.consume();
                return;
            }
        }
    }

    private void trackBounds() {
        Runnable record = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
                normalBounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener((obs, old, now) -> record.run());
        stage.yProperty().addListener((obs, old, now) -> record.run());
        stage.widthProperty().addListener((obs, old, now) -> record.run());
        stage.heightProperty().addListener((obs, old, now) -> record.run());
    }

    private void rememberBounds() {
        WindowBounds bounds = new WindowBounds(normalBounds.x(), normalBounds.y(), normalBounds.width(),
                normalBounds.height(), stage.isMaximized());
        services.settings().update(s -> s.withWindow(bounds));
    }

    private void addIcons() {
        for (int size : ICON_SIZES) {
            try (InputStream in = PortalWindow.class.getResourceAsStream("/eu/aifactory/portal/icons/app-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (IOException e) {
                LOG.debug("window icon {} not loaded: {}", size, e.getMessage());
            }
        }
    }
}
