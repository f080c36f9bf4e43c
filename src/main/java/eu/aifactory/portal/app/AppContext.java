package eu.aifactory.portal.app;

import eu.aifactory.client.trust.CertificatePinStore;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.trust.PinnedTransports;
import eu.aifactory.client.update.UpdateCheck;
import eu.aifactory.portal.admin.AdminPage;
import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FxTaskExecutor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.SaveDialog;
import eu.aifactory.portal.energy.EnergyPage;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.kiosk.KioskConfig;
import eu.aifactory.portal.kiosk.KioskServices;
import eu.aifactory.portal.residency.ResidencyPage;
import eu.aifactory.portal.settings.EncryptedFileSecretStore;
import eu.aifactory.portal.settings.FallbackSecretStore;
import eu.aifactory.portal.settings.KeyringSecretStore;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.Settings;
import eu.aifactory.portal.settings.SettingsPage;
import eu.aifactory.portal.settings.SettingsService;
import eu.aifactory.portal.settings.SettingsStore;
import eu.aifactory.portal.settings.SettingsViewModel;
import eu.aifactory.portal.settings.TrustedKeysViewModel;
import eu.aifactory.portal.settings.UpdatesViewModel;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.portal.shell.BrowserSingleSignOn;
import eu.aifactory.portal.shell.FactoryConnector;
import eu.aifactory.portal.shell.PageRegistry;
import eu.aifactory.portal.shell.SessionManager;
import eu.aifactory.portal.shell.ShellServices;
import eu.aifactory.portal.shell.SingleSignOn;
import eu.aifactory.portal.theme.OsThemeDetector;
import eu.aifactory.portal.theme.ThemeManager;
import eu.aifactory.portal.usage.UsagePage;
import eu.aifactory.portal.workloads.WorkloadsMount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Application;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every long-lived object of the portal once and hands them to whoever needs them
 * through constructors. Tests build it with a fake factory, a direct executor and a throw-away data directory.
 * Built off the UI thread (it reads the settings file); {@link #start()} and the getters are used on the UI thread.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    static final Duration HEALTH_PERIOD = Duration.ofSeconds(5);
    static final int FAILURES_UNTIL_OFFLINE = 3;

    private final Path dataDir;
    /** The one shared HTTP client (connection pool, dispatcher), made on the first connect, off the UI thread. */
    private OkHttpClient http;
    /** The shared client, with the pinned certificate for a factory the user trusted: for calls beside the SDK. */
    private final PinnedTransports transports;
    private final TaskExecutor executor;
    private final SettingsService settings;
    private final SecretStore secrets;
    private final I18n i18n;
    private final ThemeManager theme;
    private final ConnectionMonitor monitor;
    private final SessionManager sessions;
    private final PageRegistry pages = new PageRegistry();
    private final FactoryConnector connector;
    private final SingleSignOn sso;
    private final BackgroundDemoFactory demoFactory;
    /** Where exports go; null for each page's native file chooser. */
    private final SaveDialog saveDialog;
    /** What "now" is for the pages and the connection monitor; a test sets one that starts at a fixed instant. */
    private final Clock clock;
    /** A trade-fair kiosk: no Settings page, no presets on disk, always the embedded factory. */
    private final boolean kiosk;

    private AppContext(Builder b) {
        this.dataDir = b.dataDir;
        this.executor = b.executor != null ? b.executor : new FxTaskExecutor();
        SettingsStore store = new SettingsStore(dataDir.resolve("settings.json"));
        Settings initial = store.load();
        this.settings = new SettingsService(store, initial, executor);
        this.secrets = b.secrets != null ? b.secrets : defaultSecretStore(dataDir);
        this.i18n = new I18n(initial.language() != null ? Locale.forLanguageTag(initial.language()) : Locale.getDefault());
        this.theme = new ThemeManager(executor, b.osPrefersDark, b.stylesheet);
        theme.modeProperty().set(initial.theme());
        this.monitor = new ConnectionMonitor(executor, b.clock, b.healthPeriod, FAILURES_UNTIL_OFFLINE);
        this.sessions = new SessionManager(settings, secrets, executor, monitor);
        CertificatePinStore certificates = new CertificatePinStore(certificateDir(), b.clock);
        this.transports = new PinnedTransports(certificates, this::sharedHttp);
        this.connector = b.connector != null ? b.connector
                : new PinningConnector(certificates, i18n::locale, this::sharedHttp);
        this.sso = b.sso != null ? b.sso : new BrowserSingleSignOn(transports::forUrl, b.clock,
                () -> "<!doctype html><meta charset=\"utf-8\"><title>AI Factory Portal</title><p>"
                        + i18n.get("signin.sso.browserDone") + "</p>");
        this.demoFactory = new BackgroundDemoFactory(b.demoFactory,
                new RememberedDemoAccounts(dataDir.resolve("demo-accounts.properties")));
        this.saveDialog = b.saveDialog;
        this.clock = b.clock;
        this.kiosk = b.kiosk;
        registerPages();
        if (kiosk) {
            pages.hide(Page.SETTINGS);
        }
    }

    /**
     * The features mounted in the shell. A navigation entry without a factory shows "coming soon"; a feature
     * mounts itself here with one line, e.g. {@code pages.register(Page.CATALOG, CatalogPage::new);}.
     */
    private void registerPages() {
        WorkloadsMount workloads = new WorkloadsMount(sessions.sessionProperty(), () -> settings.get().notifications(),
                kiosk ? null : dataDir.resolve("presets"));
        pages.register(Page.CATALOG, context -> workloads.withSubmit(new CatalogPage(context), context));
        pages.register(Page.WORKLOADS, workloads::page);
        pages.register(Page.ENERGY, EnergyPage::new);
        pages.register(Page.RESIDENCY, context -> new ResidencyPage(context, trustDir(), saveDialog));
        pages.register(Page.USAGE, UsagePage::new);
        pages.register(Page.ADMIN, AdminPage::new);
        pages.register(Page.SETTINGS, context -> {
            KeyPinStore pins = KeyPinStore.forFactory(trustDir(), context.session().factoryKey(), clock);
            return new SettingsPage(new SettingsViewModel(settings, i18n, theme, context.session(), secrets::kind,
                    sessions::signOut), new TrustedKeysViewModel(pins, executor, i18n),
                    new UpdatesViewModel(settings, executor, new UpdateCheck(transports::forUrl), context.session(),
                            pins::pinned, AppContext.class.getPackage().getImplementationVersion()), i18n);
        });
    }

    /** Where the factories' signing keys are pinned: the Residency page pins, Settings shows and forgets. */
    Path trustDir() {
        return dataDir.resolve("trust");
    }

    /** Where the TLS certificates the user trusted are pinned, one file per factory address. */
    Path certificateDir() {
        return trustDir().resolve("certificates");
    }

    public static Builder builder(Path dataDir, DemoFactoryStarter demoFactory) {
        return new Builder(dataDir, demoFactory);
    }

    /** Keeps the embedded factory from booting until {@link #startEmbeddedFactoryIfNeeded()}; the sign-in page waits. */
    public void holdEmbeddedFactory() {
        demoFactory.hold();
    }

    /**
     * Sets the embedded factory booting on its own thread (and lets a held start go); only when no other factory is
     * configured, so a user of a real factory does not pay for it. Any thread.
     */
    public void startEmbeddedFactoryIfNeeded() {
        demoFactory.release();
        if (kiosk || settings.get().factoryUrl() == null) {
            demoFactory.startInBackground();
        }
    }

    /** Both things that run beside the first frame: the embedded factory and the theme (with its OS probe). UI thread. */
    public void start() {
        startEmbeddedFactoryIfNeeded();
        theme.start();
    }

    /** Everything the window needs. */
    public ShellServices shellServices() {
        return new ShellServices(i18n, executor, settings, secrets, sessions, monitor, connector, demoFactory, pages,
                dataDir.resolve("cache"), clock, sso);
    }

    public boolean kiosk() {
        return kiosk;
    }

    /**
     * What the kiosk needs; its configuration is read from the data directory.
     *
     * @param leave  what leaving the kiosk does (the portal exits)
     * @param millis the kiosk's ticker
     */
    public KioskServices kioskServices(Runnable leave, LongSupplier millis) {
        return new KioskServices(i18n, executor, sessions, connector, demoFactory, demoFactory::restore,
                KioskConfig.load(dataDir), clock, millis, leave);
    }

    private synchronized OkHttpClient sharedHttp() {
        if (http == null) {
            http = new OkHttpClient();
        }
        return http;
    }

    private static SecretStore defaultSecretStore(Path dataDir) {
        return new FallbackSecretStore(() -> new KeyringSecretStore("AI Factory Portal"),
                new EncryptedFileSecretStore(dataDir.resolve("secrets.enc"), dataDir.resolve("secrets.key")));
    }

    public Path dataDir() {
        return dataDir;
    }

    public I18n i18n() {
        return i18n;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public SettingsService settings() {
        return settings;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public ThemeManager theme() {
        return theme;
    }

    public ConnectionMonitor monitor() {
        return monitor;
    }

    public SessionManager sessions() {
        return sessions;
    }

    public PageRegistry pages() {
        return pages;
    }

    /** Saves the settings, ends background work and stops the embedded factory; the remembered sign-in stays. */
    @Override
    public void close() {
        try {
            settings.saveNow();
        } catch (RuntimeException e) {
            LOG.warn("settings not saved on exit: {}", e.getMessage());
        }
        monitor.stop();
        Session session = sessions.session();
        if (session != null) {
            session.client().close();
        }
        executor.shutdown();
        demoFactory.close();
        synchronized (this) {
            if (http != null) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }

    public static final class Builder {
        private final Path dataDir;
        private final DemoFactoryStarter demoFactory;
        private TaskExecutor executor;
        private SecretStore secrets;
        private FactoryConnector connector;
        private SingleSignOn sso;
        private BooleanSupplier osPrefersDark = new OsThemeDetector()::prefersDark;
        private Consumer<String> stylesheet = Application::setUserAgentStylesheet;
        private Clock clock = Clock.systemDefaultZone();
        private Duration healthPeriod = HEALTH_PERIOD;
        private SaveDialog saveDialog;
        private boolean kiosk;

        private Builder(Path dataDir, DemoFactoryStarter demoFactory) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            this.demoFactory = Objects.requireNonNull(demoFactory, "demoFactory");
        }

        public Builder executor(TaskExecutor value) {
            this.executor = value;
            return this;
        }

        public Builder secrets(SecretStore value) {
            this.secrets = value;
            return this;
        }

        /** How to make a client for a URL and token; by default the real HTTP client. */
        /** Single sign-on other than through the desktop's browser (tests). */
        public Builder sso(SingleSignOn value) {
            this.sso = value;
            return this;
        }

        public Builder connector(FactoryConnector value) {
            this.connector = value;
            return this;
        }

        public Builder osPrefersDark(BooleanSupplier value) {
            this.osPrefersDark = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder healthPeriod(Duration value) {
            this.healthPeriod = value;
            return this;
        }

        /** Where exports are saved instead of asking with the native file chooser (headless tests). */
        public Builder saveDialog(SaveDialog value) {
            this.saveDialog = value;
            return this;
        }

        /** A trade-fair kiosk (see {@code portal.kiosk.KioskMode}). */
        public Builder kiosk(boolean value) {
            this.kiosk = value;
            return this;
        }

        public AppContext build() {
            return new AppContext(this);
        }
    }
}
