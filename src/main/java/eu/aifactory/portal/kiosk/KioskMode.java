package eu.aifactory.portal.kiosk;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.shell.ShellView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.SwipeEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trade-fair mode: the portal full screen on a stand, for visitors walking up and away. The attract loop runs until
 * someone touches the screen, which opens a visitor session as the demo engineer; after the idle time a countdown, and
 * then everything the visitor did is undone (windows closed, session ended, demo factory restored) and the loop runs
 * again. Escape, the window's close button and the Settings page are out of reach; the operator leaves or changes
 * the stand's settings with Ctrl+Alt+Shift+Q and the PIN. Presenter keys: F5 start a visitor session, F6 next scene,
 * F7 language, F8 reset now.
 */
public final class KioskMode {

    private static final Logger LOG = LoggerFactory.getLogger(KioskMode.class);
    static final String STYLESHEET = "/eu/aifactory/portal/kiosk/kiosk.css";
    static final KeyCombination OPERATOR_CHORD = KeyCombination.keyCombination("Ctrl+Alt+Shift+Q");
    static final KeyCode START_VISITOR = KeyCode.F5;
    static final KeyCode NEXT_SCENE = KeyCode.F6;
    static final KeyCode LANGUAGE = KeyCode.F7;
    static final KeyCode RESET_NOW = KeyCode.F8;
    /** How often the timers are looked at. */
    private static final javafx.util.Duration POLL = javafx.util.Duration.millis(250);
    /** How far a finger may move and still tap, in pixels. */
    private static final double TAP_SLOP = 24;

    private final KioskServices services;
    private final IdleTimer idle;
    private final AttractLoop loop;
    private final PinGate gate;
    private final AttractView attract;
    private final CountdownOverlay countdown;
    private final OperatorOverlay operator;
    private final StackPane layers = new StackPane();
    private Stage stage;
    private PortalWindow window;
    private AttractData data;
    private volatile boolean visitor;
    private volatile boolean resetting;
    private Timeline ticker;
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;
    private double touchX;
    private double touchY;
    private Consumer<ShellView> onVisitorStart = shell -> shell.viewModel().navigate(Page.CATALOG);

    public KioskMode(KioskServices services) {
        this.services = services;
        this.idle = new IdleTimer(services.millis(), services.config().idle());
        this.loop = new AttractLoop(services.millis(), services.config().languageMode());
        this.gate = new PinGate(services.millis());
        this.attract = new AttractView(services.i18n());
        this.countdown = new CountdownOverlay(services.i18n());
        this.operator = new OperatorOverlay(services, gate, new OperatorOverlay.Actions() {
            @Override
            public void resetNow() {
                reset();
            }

            @Override
            public void languageMode(KioskConfig.LanguageMode mode) {
                loop.setMode(mode);
                services.i18n().localeProperty().set(loop.locale());
                showScene();
            }

            @Override
            public void idleTime(Duration time) {
                idle.setIdle(time);
            }

            @Override
            public void leave() {
                services.leave().run();
            }
        });
    }

    /**
     * What a visitor session does once signed in: by default it opens the catalog; the guided tour takes this over.
     * UI thread.
     */
    public void setOnVisitorStart(Consumer<ShellView> action) {
        this.onVisitorStart = Objects.requireNonNull(action, "action");
    }

    /** Takes over the stage: full screen for good, the kiosk's layers over the portal, the attract loop running. */
    public void install(Stage kioskStage, PortalWindow portalWindow) {
        this.stage = kioskStage;
        this.window = portalWindow;
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnCloseRequest(Event::consume);
        stage.setFullScreen(true);
        // The OS or a stray key can still take the window out of full screen: it goes back at once.
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now) {
                stage.setFullScreen(true);
            }
        });

        Scene scene = window.scene();
        Parent portal = scene.getRoot();
        scene.setRoot(new StackPane());
        layers.setId("kiosk-layers");
        layers.getChildren().setAll(portal, attract, countdown, operator);
        // Under the attract screen lies the sign-in page, with its factory connection form: never let it show through.
        portal.visibleProperty().bind(attract.visibleProperty().not());
        scene.setRoot(layers);
        styleEveryWindow();
        // The line installer/test-linux-deb.sh waits for when it starts the installed kiosk launcher.
        LOG.info("kiosk mode: full screen {}", stage.isFullScreen());

        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> activity());
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, event -> {
            // JavaFX also reports a "move" under a resting pointer when the layout changes beneath it: not a visitor.
            // The first report only tells where the pointer rests.
            boolean moved = !Double.isNaN(pointerX) && (event.getScreenX() != pointerX || event.getScreenY() != pointerY);
            pointerX = event.getScreenX();
            pointerY = event.getScreenY();
            if (moved) {
                activity();
            }
        });
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, event -> activity());
        scene.addEventFilter(ScrollEvent.ANY, event -> activity());
        // A tap starts a visit, a swipe turns the scenes: a finger that moved is a swipe, not a tap.
        attract.setOnMouseClicked(event -> {
            if (event.isStillSincePress()) {
                startVisitor();
            }
        });
        attract.setOnTouchPressed(event -> {
            touchX = event.getTouchPoint().getScreenX();
            touchY = event.getTouchPoint().getScreenY();
        });
        attract.setOnTouchReleased(event -> {
            if (Math.hypot(event.getTouchPoint().getScreenX() - touchX, event.getTouchPoint().getScreenY() - touchY)
                    < TAP_SLOP) {
                startVisitor();
            }
        });
        attract.setOnSwipeLeft(event -> turnScene(true));
        attract.setOnSwipeRight(event -> turnScene(false));
        scene.addEventFilter(SwipeEvent.ANY, event -> activity());
        countdown.setOnMouseClicked(event -> activity());

        // A demo user remembered from a session cut off mid-visit would sign in under the attract screen.
        services.sessions().sessionProperty().addListener((obs, old, now) -> {
            if (now != null && !visitor) {
                javafx.application.Platform.runLater(services.sessions()::signOut);
            }
        });
        services.i18n().localeProperty().set(loop.locale());
        showAttract();
        if (!services.config().hasPin()) {
            operator.askNewPin();
        }
        ticker = new Timeline(new KeyFrame(POLL, event -> poll()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** Looks at the timers (the kiosk's ticker calls this four times a second; tests after moving theirs). */
    public void poll() {
        if (visitor) {
            switch (idle.poll()) {
                case COUNTDOWN -> countdown.show(idle.secondsLeft());
                case EXPIRED -> reset();
                default -> countdown.hide();
            }
        } else if (loop.poll()) {
            services.i18n().localeProperty().set(loop.locale());
            refreshLive();
        }
    }

    /** A visitor (or the presenter) did something: the idle time starts over and a countdown is cancelled. */
    void activity() {
        idle.activity();
        if (visitor) {
            countdown.hide();
        }
    }

    /** Opens a visitor session as the demo engineer, then hands it to the visitor-start action. */
    public void startVisitor() {
        if (visitor || resetting) {
            return;
        }
        visitor = true;
        attract.setDisable(true);
        services.executor().run(this::signInEngineer, opened -> {
            services.sessions().openDemo(opened.session(), opened.account().userId());
            attract.setVisible(false);
            attract.setDisable(false);
            idle.start();
            ShellView shell = window.shell();
            if (shell != null) {
                onVisitorStart.accept(shell);
            }
        }, failure -> {
            LOG.warn("the visitor session could not start: {}", failure.toString());
            visitor = false;
            attract.setDisable(false);
        });
    }

    private record Opened(Session session, DemoAccount account) {
    }

    private Opened signInEngineer() throws Exception {
        DemoFactory factory = services.demoLauncher().start();
        DemoAccount engineer = factory.accounts().stream().filter(a -> a.role() == Role.ENGINEER).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo factory has no engineer"));
        FactoryClient client = services.connector().connect(factory.baseUrl(), engineer.token());
        try {
            return new Opened(new Session(factory.baseUrl(), client, client.me(), true), engineer);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Undoes the visitor: every dialog and popup closed, the session ended (with its inputs and presets), the demo
     * factory back to its seeded state; then the attract loop again.
     */
    public void reset() {
        if (resetting) {
            return;
        }
        resetting = true;
        visitor = false;
        idle.stop();
        countdown.hide();
        closeOtherWindows();
        services.sessions().signOut();
        attract.setVisible(true);
        attract.setDisable(true);
        long begin = System.nanoTime();
        services.executor().run(services.restore()::restore, tables -> {
            LOG.info("kiosk reset: {} tables of the demo factory restored in {} ms", tables,
                    (System.nanoTime() - begin) / 1_000_000);
            afterReset();
        }, failure -> {
            LOG.error("the demo factory could not be restored", failure);
            afterReset();
        });
    }

    private void afterReset() {
        resetting = false;
        attract.setDisable(false);
        loop.restart();
        services.i18n().localeProperty().set(loop.locale());
        showAttract();
    }

    public boolean visitorSession() {
        return visitor;
    }

    public boolean resetting() {
        return resetting;
    }

    public AttractLoop.Scene scene() {
        return loop.scene();
    }

    private void onKey(KeyEvent event) {
        activity();
        if (OPERATOR_CHORD.match(event)) {
            event.consume();
            operator.askPin();
            return;
        }
        if (operator.isVisible()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.ESCAPE) {
            event.consume();
        } else if (code == START_VISITOR) {
            event.consume();
            startVisitor();
        } else if (code == NEXT_SCENE && !visitor) {
            event.consume();
            turnScene(true);
        } else if (code == LANGUAGE) {
            event.consume();
            loop.toggleLanguage();
            services.i18n().localeProperty().set(visitor ? otherLanguage() : loop.locale());
            showScene();
        } else if (code == RESET_NOW) {
            event.consume();
            reset();
        }
    }

    /** The next (or previous) attract scene now, when the presenter's key or a visitor's swipe asks for it. */
    private void turnScene(boolean forward) {
        if (visitor) {
            return;
        }
        if (forward) {
            loop.next();
        } else {
            loop.previous();
        }
        services.i18n().localeProperty().set(loop.locale());
        refreshLive();
    }

    private Locale otherLanguage() {
        return services.i18n().isGerman() ? Locale.UK : Locale.GERMANY;
    }

    private void showAttract() {
        attract.setVisible(true);
        showScene();
        reload();
    }

    private void showScene() {
        attract.show(loop.scene(), data);
    }

    /**
     * Reads the attract loop's figures afresh (after a reset they are the seeded ones again). When nothing runs and no
     * visitor is there, the demo goes back to its seeded state and the stand's run starts, so the live scene has a
     * counter to show and finished stand runs do not pile up between visitors.
     */
    private void reload() {
        String shownLive = data == null || data.live() == null ? null : data.live().id();
        services.executor().run(() -> {
            DemoFactory factory = services.demoLauncher().start();
            DemoAccount engineer = factory.accounts().stream().filter(a -> a.role() == Role.ENGINEER).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The demo factory has no engineer"));
            try (FactoryClient client = services.connector().connect(factory.baseUrl(), engineer.token())) {
                AttractData loaded = AttractData.load(client, services.clock());
                if (loaded.live() != null || visitor || resetting) {
                    return loaded;
                }
                // A stand run still queued or starting is kept: restarting it would never let it run.
                Workload pending = unfinished(client, shownLive);
                if (pending != null) {
                    return loaded.withLive(pending);
                }
                services.restore().restore();
                return AttractData.load(client, services.clock()).withLive(StandRun.submit(client));
            }
        }, loaded -> {
            data = loaded;
            showScene();
        }, failure -> LOG.warn("the attract loop's figures could not be read: {}", failure.toString()));
    }

    /** The workload {@code id} if the factory still has it unfinished, else null. Background thread. */
    private static Workload unfinished(FactoryClient client, String id) {
        if (id == null) {
            return null;
        }
        try {
            Workload workload = client.getWorkload(id);
            return workload.status().isTerminal() ? null : workload;
        } catch (ApiException gone) {
            return null;
        }
    }

    /** The live workload's energy counter moves: read it again when its scene comes up. */
    private void refreshLive() {
        showScene();
        if (data == null || data.live() == null || loop.scene() != AttractLoop.Scene.LIVE_WORKLOAD) {
            if (loop.scene() == AttractLoop.Scene.FACTORY_NOW) {
                reload();
            }
            return;
        }
        String id = data.live().id();
        services.executor().run(() -> {
            DemoFactory factory = services.demoLauncher().start();
            DemoAccount engineer = factory.accounts().stream().filter(a -> a.role() == Role.ENGINEER).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The demo factory has no engineer"));
            try (FactoryClient client = services.connector().connect(factory.baseUrl(), engineer.token())) {
                return client.getWorkload(id);
            }
        }, now -> {
            if (data != null) {
                data = data.withLive(now);
                showScene();
            }
        }, failure -> LOG.debug("live workload not read again: {}", failure.toString()));
    }

    /** Every window but the kiosk's own: dialogs, popups, the report verifier. */
    private void closeOtherWindows() {
        List<Window> open = new ArrayList<>(Window.getWindows());
        for (Window other : open) {
            if (other == stage) {
                continue;
            }
            if (other instanceof Stage dialog) {
                dialog.close();
            } else if (other instanceof PopupWindow popup) {
                popup.hide();
            } else {
                other.hide();
            }
        }
    }

    /**
     * The kiosk's type scale and hit targets in its window and every window it owns, dialogs and popups included;
     * a window of another stage in the same JVM (a test's) keeps its own look.
     */
    private void styleEveryWindow() {
        String css = Objects.requireNonNull(KioskMode.class.getResource(STYLESHEET)).toExternalForm();
        Consumer<Window> style = w -> {
            if (!ownedByKiosk(w)) {
                return;
            }
            if (w.getScene() != null && !w.getScene().getStylesheets().contains(css)) {
                w.getScene().getStylesheets().add(css);
            }
            w.sceneProperty().addListener((obs, old, now) -> {
                if (now != null && !now.getStylesheets().contains(css)) {
                    now.getStylesheets().add(css);
                }
            });
        };
        Window.getWindows().forEach(style);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(style);
            }
        });
    }

    private boolean ownedByKiosk(Window window) {
        for (Window w = window; w != null; ) {
            if (w == stage) {
                return true;
            }
            w = w instanceof Stage owned ? owned.getOwner() : w instanceof PopupWindow popup ? popup.getOwnerWindow() : null;
        }
        return false;
    }

    /** For tests: the layer nodes. */
    Node attractView() {
        return attract;
    }
}
