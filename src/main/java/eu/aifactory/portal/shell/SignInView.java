package eu.aifactory.portal.shell;

import atlantafx.base.theme.Styles;
import eu.aifactory.portal.i18n.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The sign-in page: pick a demo user, or connect to a factory with its URL and an API token. */
public final class SignInView extends StackPane {

    private final SignInViewModel viewModel;
    private final I18n i18n;

    /** @param languageSwitch called when the user picks a language on this page */
    public SignInView(SignInViewModel viewModel, I18n i18n, Consumer<Locale> languageSwitch) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        setId("signin");
        getStyleClass().add("signin");
        getStylesheets().add(Objects.requireNonNull(SignInView.class.getResource("signin.css")).toExternalForm());

        Label heading = new Label();
        heading.textProperty().bind(i18n.binding("signin.heading"));
        heading.getStyleClass().addAll(Styles.TITLE_2, "signin-heading");
        Label error = MessageLabels.of("signin-error", viewModel.errorProperty(), i18n, "signin-error");
        // A changed certificate is the one error that may mean an attack: it must not look like a typo in the URL.
        viewModel.certificateProperty().addListener((obs, old, now) -> {
            error.getStyleClass().remove("signin-alarm");
            if (now != null && now.changed()) {
                error.getStyleClass().add("signin-alarm");
            }
        });
        VBox form = new VBox(20, heading, buildModeSwitch(), buildDemo(), buildConnect(),
                MessageLabels.of("signin-progress", viewModel.progressProperty(), i18n, "signin-progress"),
                buildCertificatePrompt(), error);
        form.getStyleClass().add("signin-form");
        form.setMaxWidth(680);
        form.setFillWidth(true);

        StackPane centred = new StackPane(form);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.getStyleClass().add("signin-form-area");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("signin-scroll");

        BorderPane formSide = new BorderPane(scroll, buildTopBar(languageSwitch), null, null, null);
        HBox.setHgrow(formSide, Priority.ALWAYS);
        HBox page = new HBox(buildBrandPanel(), formSide);
        getChildren().add(page);
    }

    private Node buildTopBar(Consumer<Locale> languageSwitch) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton english = new ToggleButton();
        english.textProperty().bind(i18n.binding("language.en"));
        english.setId("signin-language-en");
        ToggleButton german = new ToggleButton();
        german.textProperty().bind(i18n.binding("language.de"));
        german.setId("signin-language-de");
        english.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        german.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        english.setToggleGroup(group);
        german.setToggleGroup(group);
        Runnable sync = () -> group.selectToggle(i18n.isGerman() ? german : english);
        sync.run();
        i18n.onSwitch(this, sync);
        english.setOnAction(event -> languageSwitch.accept(I18n.ENGLISH));
        german.setOnAction(event -> languageSwitch.accept(I18n.GERMAN));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                sync.run();
            }
        });
        FontIcon icon = new FontIcon(Material2OutlinedAL.LANGUAGE);
        icon.getStyleClass().add("signin-language-icon");
        HBox bar = new HBox(8, icon, english, german);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("signin-top-bar");
        return bar;
    }

    /** The left panel: logo, product name and what the factory promises. */
    private Node buildBrandPanel() {
        ImageView logo = new ImageView(new Image(Objects.requireNonNull(
                SignInView.class.getResource("/eu/aifactory/portal/icons/app-128.png")).toExternalForm(), 72, 72, true, true));
        logo.getStyleClass().add("signin-logo");
        Label title = new Label();
        title.textProperty().bind(i18n.binding("app.title"));
        title.getStyleClass().addAll(Styles.TITLE_1, "signin-title");
        title.setWrapText(true);
        Label subtitle = new Label();
        subtitle.textProperty().bind(i18n.binding("signin.subtitle"));
        subtitle.getStyleClass().add("signin-subtitle");
        subtitle.setWrapText(true);

        VBox facts = new VBox(14,
                fact(Material2OutlinedMZ.VERIFIED_USER, "signin.fact.residency"),
                fact(Material2OutlinedAL.ECO, "signin.fact.energy"),
                fact(Material2OutlinedMZ.MEMORY, "signin.fact.gpus"));
        facts.getStyleClass().add("signin-facts");

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label footer = new Label();
        footer.textProperty().bind(i18n.binding("signin.footer"));
        footer.getStyleClass().add("signin-brand-footer");
        footer.setWrapText(true);

        VBox panel = new VBox(18, logo, title, subtitle, facts, spacer, footer);
        panel.setId("signin-brand");
        panel.getStyleClass().add("signin-brand");
        panel.setMinWidth(340);
        panel.setPrefWidth(380);
        panel.setMaxWidth(380);
        return panel;
    }

    private Node fact(Ikon icon, String key) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("signin-fact-icon");
        Label text = new Label();
        text.textProperty().bind(i18n.binding(key));
        text.setWrapText(true);
        text.getStyleClass().add("signin-fact");
        HBox row = new HBox(12, graphic, text);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private Node buildModeSwitch() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton demo = new ToggleButton();
        demo.setId("signin-mode-demo");
        demo.textProperty().bind(i18n.binding("signin.mode.demo"));
        demo.setGraphic(new FontIcon(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE));
        ToggleButton connect = new ToggleButton();
        connect.setId("signin-mode-connect");
        connect.textProperty().bind(i18n.binding("signin.mode.connect"));
        connect.setGraphic(new FontIcon(Material2OutlinedAL.LINK));
        demo.getStyleClass().add(Styles.LEFT_PILL);
        connect.getStyleClass().add(Styles.RIGHT_PILL);
        demo.setToggleGroup(group);
        connect.setToggleGroup(group);
        demo.setMaxWidth(Double.MAX_VALUE);
        connect.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(demo, Priority.ALWAYS);
        HBox.setHgrow(connect, Priority.ALWAYS);
        Runnable sync = () -> group.selectToggle(
                viewModel.modeProperty().get() == SignInViewModel.Mode.DEMO ? demo : connect);
        sync.run();
        viewModel.modeProperty().addListener((obs, old, now) -> sync.run());
        demo.setOnAction(event -> viewModel.modeProperty().set(SignInViewModel.Mode.DEMO));
        connect.setOnAction(event -> viewModel.modeProperty().set(SignInViewModel.Mode.CONNECT));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                sync.run();
            }
        });
        demo.disableProperty().bind(viewModel.busyProperty());
        connect.disableProperty().bind(viewModel.busyProperty());
        HBox box = new HBox(demo, connect);
        box.setId("signin-mode");
        return box;
    }

    private Node buildDemo() {
        Label intro = new Label();
        intro.textProperty().bind(i18n.binding("signin.demo.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("signin-intro");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        Label startingText = new Label();
        startingText.textProperty().bind(i18n.binding("signin.demo.starting"));
        HBox starting = new HBox(10, spinner, startingText);
        starting.setId("demo-starting");
        starting.setAlignment(Pos.CENTER_LEFT);
        starting.visibleProperty().bind(viewModel.demoStateProperty().isEqualTo(SignInViewModel.DemoState.STARTING));
        starting.managedProperty().bind(starting.visibleProperty());

        Button retry = new Button();
        retry.setId("demo-retry");
        retry.textProperty().bind(i18n.binding("action.retry"));
        retry.setOnAction(event -> viewModel.retryDemo());
        retry.visibleProperty().bind(viewModel.demoStateProperty().isEqualTo(SignInViewModel.DemoState.FAILED));
        retry.managedProperty().bind(retry.visibleProperty());

        VBox users = new VBox(14);
        users.setId("demo-users");
        Runnable fill = () -> users.getChildren().setAll(groupsByTenant());
        fill.run();
        viewModel.demoAccounts().addListener((ListChangeListener<DemoAccount>) change -> fill.run());

        VBox box = new VBox(12, intro, starting, retry, users);
        box.setId("signin-demo");
        box.visibleProperty().bind(viewModel.modeProperty().isEqualTo(SignInViewModel.Mode.DEMO));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** One block per company: its name, then its users in two columns. */
    private List<Node> groupsByTenant() {
        Map<String, List<DemoAccount>> byTenant = new LinkedHashMap<>();
        for (DemoAccount account : viewModel.demoAccounts()) {
            byTenant.computeIfAbsent(account.tenantName(), name -> new ArrayList<>()).add(account);
        }
        List<Node> groups = new ArrayList<>();
        byTenant.forEach((tenant, accounts) -> {
            Label name = new Label(tenant);
            name.getStyleClass().add("demo-tenant");
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(10);
            for (int column = 0; column < 2; column++) {
                ColumnConstraints constraints = new ColumnConstraints();
                constraints.setPercentWidth(50);
                constraints.setHgrow(Priority.ALWAYS);
                grid.getColumnConstraints().add(constraints);
            }
            for (int i = 0; i < accounts.size(); i++) {
                grid.add(demoCard(accounts.get(i)), i % 2, i / 2);
            }
            groups.add(new VBox(8, name, grid));
        });
        return groups;
    }

    private Node demoCard(DemoAccount account) {
        FontIcon avatar = new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE);
        avatar.getStyleClass().add("demo-avatar");
        Label name = new Label(account.userName());
        name.getStyleClass().add("demo-name");
        Label role = new Label();
        role.textProperty().bind(i18n.binding("role." + account.role().wire()));
        role.getStyleClass().addAll("demo-role", "role-" + account.role().wire());
        role.setMinWidth(Region.USE_PREF_SIZE);
        VBox texts = new VBox(4, name, role);
        texts.setAlignment(Pos.CENTER_LEFT);
        boolean last = account.userId().equals(viewModel.lastDemoUserId());
        if (last) {
            Label lastHint = new Label();
            lastHint.setId("demo-user-last");
            lastHint.textProperty().bind(i18n.binding("signin.demo.last"));
            lastHint.getStyleClass().add(Styles.TEXT_MUTED);
            texts.getChildren().add(lastHint);
        }
        HBox content = new HBox(12, avatar, texts);
        content.setAlignment(Pos.CENTER_LEFT);

        Button card = new Button();
        card.setId("demo-user-" + account.userId());
        card.setGraphic(content);
        card.setMaxWidth(Double.MAX_VALUE);
        card.getStyleClass().add("demo-card");
        card.setOnAction(event -> viewModel.signIn(account));
        card.disableProperty().bind(viewModel.busyProperty());
        // The card is a button whose text is the graphic; give screen readers the words.
        card.setAccessibleText(account.userName() + ", " + account.tenantName());
        content.prefWidthProperty().bind(card.widthProperty().subtract(32));
        if (last) {
            // Enter continues as the user of the last session; anyone else picks their own card.
            card.defaultButtonProperty().bind(viewModel.modeProperty().isEqualTo(SignInViewModel.Mode.DEMO));
            card.sceneProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    card.requestFocus();
                }
            });
        }
        return card;
    }

    private Node buildConnect() {
        Label urlLabel = new Label();
        urlLabel.textProperty().bind(i18n.binding("signin.url.label"));
        TextField url = new TextField();
        url.setId("factory-url");
        url.setPromptText("https://factory.example.eu");
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        urlLabel.setLabelFor(url);
        Label urlError = MessageLabels.of("factory-url-error", viewModel.urlErrorProperty(), i18n, "field-error");
        viewModel.urlErrorProperty().addListener((obs, old, now) -> url.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));

        Label tokenLabel = new Label();
        tokenLabel.textProperty().bind(i18n.binding("signin.token.label"));
        PasswordField token = new PasswordField();
        token.setId("factory-token");
        token.textProperty().bindBidirectional(viewModel.tokenProperty());
        tokenLabel.setLabelFor(token);
        Label tokenError = MessageLabels.of("factory-token-error", viewModel.tokenErrorProperty(), i18n, "field-error");
        viewModel.tokenErrorProperty().addListener((obs, old, now) -> token.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
        Label tokenHint = new Label();
        tokenHint.textProperty().bind(i18n.binding("signin.token.hint"));
        tokenHint.getStyleClass().addAll(Styles.TEXT_MUTED, "field-hint");
        tokenHint.setWrapText(true);

        Button connect = new Button();
        connect.setId("connect-button");
        connect.textProperty().bind(Bindings.when(viewModel.busyProperty())
                .then(i18n.binding("signin.connect.busy")).otherwise(i18n.binding("signin.connect")));
        connect.getStyleClass().add(Styles.ACCENT);
        connect.disableProperty().bind(viewModel.busyProperty());
        connect.setOnAction(event -> viewModel.connect());
        connect.setMaxWidth(Double.MAX_VALUE);
        url.disableProperty().bind(viewModel.busyProperty());
        token.disableProperty().bind(viewModel.busyProperty());
        // Asked once the address is entered, not per keystroke: the company-account button then appears below it.
        url.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                viewModel.checkSignInOptions();
            }
        });
        url.setOnAction(event -> viewModel.checkSignInOptions());

        Button ssoButton = new Button();
        ssoButton.setId("sso-button");
        ssoButton.textProperty().bind(i18n.binding("signin.sso.button"));
        ssoButton.setMaxWidth(Double.MAX_VALUE);
        ssoButton.disableProperty().bind(viewModel.busyProperty());
        ssoButton.setOnAction(event -> viewModel.signInWithSso());
        Button ssoCancel = new Button();
        ssoCancel.setId("sso-cancel");
        ssoCancel.textProperty().bind(i18n.binding("signin.sso.cancel"));
        ssoCancel.visibleProperty().bind(viewModel.ssoWaitingProperty());
        ssoCancel.managedProperty().bind(ssoCancel.visibleProperty());
        ssoCancel.setOnAction(event -> viewModel.cancelSso());
        Label ssoOr = new Label();
        ssoOr.textProperty().bind(i18n.binding("signin.sso.or"));
        ssoOr.getStyleClass().add(Styles.TEXT_MUTED);
        VBox ssoBox = new VBox(6, ssoButton, ssoCancel, ssoOr);
        ssoBox.setId("signin-sso");
        ssoBox.visibleProperty().bind(viewModel.ssoOfferProperty().isNotNull());
        ssoBox.managedProperty().bind(ssoBox.visibleProperty());

        VBox box = new VBox(6, urlLabel, url, urlError, spacer(), ssoBox, tokenLabel, token, tokenError, tokenHint, spacer(),
                connect);
        box.setId("signin-connect");
        box.visibleProperty().bind(viewModel.modeProperty().isEqualTo(SignInViewModel.Mode.CONNECT));
        box.managedProperty().bind(box.visibleProperty());
        // Only the visible form may claim Enter: the demo cards have no default button.
        connect.defaultButtonProperty().bind(box.visibleProperty());
        return box;
    }

    /** The certificate the system does not trust: its fingerprint to compare, and the choice to trust it. */
    private Node buildCertificatePrompt() {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            CertificatePrompt prompt = viewModel.certificateProperty().get();
            return prompt == null ? "" : i18n.get("signin.certificate.unknown", prompt.factory());
        }, viewModel.certificateProperty(), i18n.localeProperty()));
        Label caption = new Label();
        caption.textProperty().bind(i18n.binding("signin.certificate.fingerprint"));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        TextField fingerprint = new TextField();
        fingerprint.setId("certificate-fingerprint");
        fingerprint.setEditable(false);
        fingerprint.getStyleClass().add("signin-fingerprint");
        fingerprint.textProperty().bind(viewModel.certificateProperty().map(CertificatePrompt::fingerprint).orElse(""));
        caption.setLabelFor(fingerprint);
        Button trust = new Button();
        trust.setId("certificate-trust");
        trust.textProperty().bind(i18n.binding("signin.certificate.trust"));
        trust.getStyleClass().add(Styles.WARNING);
        trust.setOnAction(event -> viewModel.trustCertificate());
        trust.disableProperty().bind(viewModel.busyProperty());
        Button dismiss = new Button();
        dismiss.setId("certificate-dismiss");
        dismiss.textProperty().bind(i18n.binding("signin.certificate.dismiss"));
        dismiss.setOnAction(event -> viewModel.dismissCertificate());
        HBox actions = new HBox(10, trust, dismiss);
        FontIcon icon = new FontIcon(Material2OutlinedMZ.SECURITY);
        icon.getStyleClass().add("signin-certificate-icon");
        HBox heading = new HBox(10, icon, text);
        VBox box = new VBox(10, heading, caption, fingerprint, actions);
        box.setId("certificate-prompt");
        box.getStyleClass().add("signin-certificate");
        box.visibleProperty().bind(viewModel.certificateProperty().map(prompt -> !prompt.changed()).orElse(false));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Region spacer() {
        Region spacer = new Region();
        spacer.setMinHeight(6);
        return spacer;
    }
}
