package eu.aifactory.portal.admin;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.portal.common.Confirmation;
import eu.aifactory.portal.common.TableLayout;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The Admin page for tenant admins: tabs for users and roles, API tokens, projects, budgets and quotas. Destructive
 * actions (disable a user, revoke a token, grant an override, remove a quota) ask first; a new token's secret is
 * shown once in its own dialog with a Copy button and never again.
 */
public final class AdminView extends BorderPane {

    private final AdminViewModel viewModel;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();
    private final TableView<UserAccount> userTable = new TableView<>();
    private final TableView<ApiToken> tokenTable = new TableView<>();
    private final TableView<ProjectInfo> projectTable = new TableView<>();
    private final TableView<BudgetStatus> budgetTable = new TableView<>();
    private final TableView<BudgetOverride> overrideTable = new TableView<>();
    private final TableView<QuotaStatus> quotaTable = new TableView<>();
    private final AuditView auditView;
    private final ChoiceBox<ProjectInfo> quotaProject = new ChoiceBox<>();

    public AdminView(AdminViewModel viewModel, I18n i18n) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.i18n = Objects.requireNonNull(i18n);
        setId("admin");
        getStyleClass().add("admin-view");
        getStylesheets().add(Objects.requireNonNull(AdminView.class.getResource("admin.css")).toExternalForm());

        auditView = new AuditView(viewModel.audit(), viewModel.users(), i18n);
        tabs.setId("adminTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tab("adminTabUsers", "admin.tab.users", usersTab()),
                tab("adminTabTokens", "admin.tab.tokens", tokensTab()),
                tab("adminTabProjects", "admin.tab.projects", projectsTab()),
                tab("adminTabBudgets", "admin.tab.budgets", budgetsTab()),
                tab("adminTabQuotas", "admin.tab.quotas", quotasTab()),
                tab("adminTabAudit", "admin.tab.audit", auditView),
                tab("adminTabAccess", "admin.tab.access", new AccessRequestsPane(viewModel.accessRequests(), i18n)));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && "adminTabAudit".equals(now.getId())) {
                viewModel.audit().loadOnce();
            }
        });
        // The status line sits below the tabs: when it appears, nothing above it moves under the pointer.
        VBox main = new VBox(10, header(), tabs, status());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        main.setPadding(new Insets(16));
        setCenter(main);

        viewModel.createdTokenProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showSecret(now);
            }
        });
    }

    public AdminViewModel viewModel() {
        return viewModel;
    }

    public AuditView auditView() {
        return auditView;
    }

    public void selectTab(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private Tab tab(String id, String key, Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(i18n.binding(key));
        tab.setContent(content);
        return tab;
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("admin.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Button refresh = new Button();
        refresh.setId("adminRefresh");
        refresh.textProperty().bind(i18n.binding("admin.refresh"));
        refresh.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        refresh.setOnAction(e -> viewModel.load());
        HBox header = new HBox(10, title, spring, busy, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node status() {
        Label error = new Label();
        error.setId("adminError");
        error.setWrapText(true);
        error.getStyleClass().addAll("admin-error", Styles.DANGER);
        error.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label info = new Label();
        info.setId("adminInfo");
        info.setWrapText(true);
        info.getStyleClass().addAll("admin-info", Styles.SUCCESS);
        info.textProperty().bind(viewModel.infoProperty());
        info.visibleProperty().bind(viewModel.infoProperty().isNotEmpty().and(error.visibleProperty().not()));
        info.managedProperty().bind(info.visibleProperty());
        return new VBox(4, error, info);
    }

    // ---- users

    private Node usersTab() {
        userTable.setId("adminUsers");
        userTable.setPlaceholder(i18n.label("table.empty"));
        i18n.onSwitch(userTable, userTable::refresh);
        userTable.setItems(viewModel.users());
        userTable.getStyleClass().add(Styles.DENSE);
        userTable.getColumns().setAll(List.of(
                column("admin.col.name", UserAccount::name, 180),
                column("admin.col.email", UserAccount::email, 240),
                column("admin.col.roles", u -> u.roles().stream().map(r -> i18n.get("role." + r.wire()))
                        .collect(Collectors.joining(", ")), 220),
                column("admin.col.projects", u -> projectNames(u.projectIds()), 220),
                column("admin.col.state", u -> i18n.get(u.disabled() ? "admin.users.stateDisabled" : "admin.users.stateActive"), 90)));
        TableLayout.readable(userTable);
        Button edit = new Button();
        edit.setId("adminEditUser");
        edit.textProperty().bind(i18n.binding("admin.users.edit"));
        edit.setGraphic(new FontIcon(Material2OutlinedAL.EDIT));
        edit.disableProperty().bind(userTable.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editUser(userTable.getSelectionModel().getSelectedItem()));
        Button disable = new Button();
        disable.setId("adminToggleUser");
        disable.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            UserAccount selected = userTable.getSelectionModel().getSelectedItem();
            return i18n.get(selected != null && selected.disabled() ? "admin.users.enable" : "admin.users.disable");
        }, userTable.getSelectionModel().selectedItemProperty(), i18n.localeProperty()));
        disable.disableProperty().bind(userTable.getSelectionModel().selectedItemProperty().isNull());
        disable.setOnAction(e -> {
            UserAccount user = userTable.getSelectionModel().getSelectedItem();
            if (user.disabled()) {
                viewModel.setDisabled(user, false);
            } else {
                confirm("admin.users.disableConfirm.act", "admin.users.disableConfirm.keep",
                    i18n.get("admin.users.disableConfirm", user.name()), () -> viewModel.setDisabled(user, true));
            }
        });
        HBox actions = new HBox(8, edit, disable);

        TextField name = new TextField();
        name.setId("adminNewUserName");
        name.promptTextProperty().bind(i18n.binding("admin.users.namePrompt"));
        TextField email = new TextField();
        email.setId("adminNewUserEmail");
        email.promptTextProperty().bind(i18n.binding("admin.users.emailPrompt"));
        email.setPrefColumnCount(20);
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.setId("adminNewUserRole");
        role.getItems().setAll(Role.values());
        role.setConverter(converter(r -> r == null ? "" : i18n.get("role." + r.wire())));
        i18n.onSwitch(role, () -> role.setConverter(converter(r -> r == null ? "" : i18n.get("role." + r.wire()))));
        role.setValue(Role.ENGINEER);
        Button add = new Button();
        add.setId("adminCreateUser");
        add.textProperty().bind(i18n.binding("admin.users.create"));
        add.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(name.textProperty().isEmpty().or(email.textProperty().isEmpty()));
        // The fields keep what was typed until the factory took the new user.
        add.setOnAction(e -> viewModel.createUser(name.getText(), email.getText(), role.getValue(), () -> {
            name.clear();
            email.clear();
        }));
        HBox create = new HBox(8, withProblem(name, "adminNewUserNameError", viewModel.newUserNameErrorProperty()),
                withProblem(email, "adminNewUserEmailError", viewModel.newUserEmailErrorProperty()), role, add);
        create.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(8, create, userTable, actions);
        VBox.setVgrow(userTable, Priority.ALWAYS);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /**
     * A field with its problem underneath, marked red while there is one. The line under the field is always
     * there, so a problem appearing moves nothing below it.
     */
    private static VBox withProblem(TextField field, String id, ReadOnlyStringProperty problem) {
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        text.textProperty().bind(problem);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.maxWidthProperty().bind(field.widthProperty());
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(problem);
        text.setTooltip(whole);
        problem.addListener((obs, old, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
        return new VBox(2, field, text);
    }

    private String projectNames(List<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        viewModel.projects().forEach(p -> names.put(p.id(), p.name()));
        return ids.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    private void editUser(UserAccount user) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.titleProperty().bind(i18n.binding("admin.users.editTitle", user.name()));
        dialog.getDialogPane().setId("adminUserDialog");
        VBox roles = new VBox(6);
        List<CheckBox> roleBoxes = new ArrayList<>();
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox();
            box.textProperty().bind(i18n.binding("role." + role.wire()));
            box.setId("adminRole-" + role.wire());
            box.setUserData(role);
            box.setSelected(user.roles().contains(role));
            roleBoxes.add(box);
            roles.getChildren().add(box);
        }
        VBox projects = new VBox(6);
        List<CheckBox> projectBoxes = new ArrayList<>();
        for (ProjectInfo project : viewModel.projects()) {
            CheckBox box = new CheckBox(project.name());
            box.setId("adminProject-" + project.id());
            box.setUserData(project.id());
            box.setSelected(user.projectIds().contains(project.id()));
            projectBoxes.add(box);
            projects.getChildren().add(box);
        }
        Label rolesTitle = i18n.label("admin.col.roles");
        rolesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label projectsTitle = i18n.label("admin.col.projects");
        projectsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        HBox content = new HBox(30, new VBox(8, rolesTitle, roles), new VBox(8, projectsTitle, projects));
        content.setPadding(new Insets(10));
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(i18n.get("admin.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, new ButtonType(i18n.get("admin.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(save).setId("adminUserSave");
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == save) {
                viewModel.updateUser(user,
                        roleBoxes.stream().filter(CheckBox::isSelected).map(b -> (Role) b.getUserData()).toList(),
                        projectBoxes.stream().filter(CheckBox::isSelected).map(b -> (String) b.getUserData()).toList());
            }
        });
        dialog.show();
    }

    // ---- tokens

    private Node tokensTab() {
        tokenTable.setId("adminTokens");
        tokenTable.setPlaceholder(i18n.label("table.empty"));
        i18n.onSwitch(tokenTable, tokenTable::refresh);
        tokenTable.setItems(viewModel.tokens());
        tokenTable.getStyleClass().add(Styles.DENSE);
        tokenTable.getColumns().setAll(List.of(
                column("admin.col.prefix", t -> t.prefix() + "\u2026", 120),
                column("admin.col.owner", ApiToken::userName, 170),
                column("admin.col.label", ApiToken::label, 200),
                column("admin.col.created", t -> when(t.createdAt()), 150),
                column("admin.col.lastUsed", t -> t.lastUsedAt() == null ? i18n.get("admin.tokens.never") : when(t.lastUsedAt()), 150),
                column("admin.col.state", t -> t.revokedAt() == null ? i18n.get("admin.tokens.active")
                        : i18n.get("admin.tokens.revokedAt", when(t.revokedAt())), 160)));
        TableLayout.readable(tokenTable);

        ChoiceBox<UserAccount> owner = new ChoiceBox<>(viewModel.users());
        owner.setId("adminTokenOwner");
        owner.setConverter(converter(u -> u == null ? "" : u.name()));
        owner.setMinWidth(Region.USE_PREF_SIZE);
        owner.setPrefWidth(200);
        TextField label = new TextField();
        label.setId("adminTokenLabel");
        label.promptTextProperty().bind(i18n.binding("admin.tokens.labelPrompt"));
        label.setPrefColumnCount(22);
        Button create = new Button();
        create.setId("adminCreateToken");
        create.textProperty().bind(i18n.binding("admin.tokens.create"));
        create.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(owner.valueProperty().isNull().or(label.textProperty().isEmpty()));
        create.setOnAction(e -> {
            viewModel.createToken(owner.getValue(), label.getText());
            label.clear();
        });
        Button revoke = new Button();
        revoke.setId("adminRevokeToken");
        revoke.textProperty().bind(i18n.binding("admin.tokens.revoke"));
        revoke.setGraphic(new FontIcon(Material2OutlinedAL.BLOCK));
        revoke.getStyleClass().add(Styles.DANGER);
        revoke.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ApiToken t = tokenTable.getSelectionModel().getSelectedItem();
            return t == null || t.revokedAt() != null;
        }, tokenTable.getSelectionModel().selectedItemProperty()));
        revoke.setOnAction(e -> {
            ApiToken token = tokenTable.getSelectionModel().getSelectedItem();
            confirm("admin.tokens.revokeConfirm.act", "admin.tokens.revokeConfirm.keep",
                    i18n.get("admin.tokens.revokeConfirm", token.prefix(), token.userName(), token.label()),
                    () -> viewModel.revokeToken(token));
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label forLabel = new Label();
        forLabel.textProperty().bind(i18n.binding("admin.tokens.for"));
        HBox actions = new HBox(8, forLabel, owner, label, create, spring, revoke);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.textProperty().bind(i18n.binding("admin.tokens.note"));
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        VBox box = new VBox(8, actions, note, tokenTable);
        VBox.setVgrow(tokenTable, Priority.ALWAYS);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /** The one time a token's secret is visible: a read-only field, Copy, and the warning that it will not return. */
    private void showSecret(CreatedToken created) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.titleProperty().bind(i18n.binding("admin.secret.title"));
        dialog.getDialogPane().setId("adminSecretDialog");
        dialog.getDialogPane().getStylesheets().addAll(getStylesheets());
        Label heading = i18n.label("admin.secret.heading", created.token().label(), created.token().userName());
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        TextField secret = new TextField(created.secret());
        secret.setId("adminSecret");
        secret.setEditable(false);
        secret.getStyleClass().add("admin-secret");
        secret.setPrefColumnCount(46);
        Button copy = new Button();
        copy.setId("adminSecretCopy");
        copy.setText(i18n.get("admin.secret.copy"));
        copy.setGraphic(new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        Label copied = new Label();
        copied.setId("adminSecretCopied");
        copied.getStyleClass().add(Styles.SUCCESS);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(secret.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(i18n.get("admin.secret.copied"));
        });
        HBox line = new HBox(8, secret, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(secret, Priority.ALWAYS);
        Label warning = i18n.label("admin.secret.warning");
        warning.setWrapText(true);
        warning.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
        warning.getStyleClass().add("admin-secret-warning");
        VBox content = new VBox(10, heading, line, copied, warning);
        content.setPadding(new Insets(10));
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        ButtonType done = new ButtonType(i18n.get("admin.secret.done"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(done);
        dialog.getDialogPane().lookupButton(done).setId("adminSecretDone");
        // Once closed the secret is gone: the field is cleared and the view model drops it.
        dialog.setOnHidden(e -> {
            secret.clear();
            viewModel.forgetCreatedToken();
        });
        dialog.show();
    }

    // ---- projects

    private Node projectsTab() {
        projectTable.setId("adminProjects");
        projectTable.setPlaceholder(i18n.label("table.empty"));
        i18n.onSwitch(projectTable, projectTable::refresh);
        projectTable.setItems(viewModel.projects());
        projectTable.getStyleClass().add(Styles.DENSE);
        projectTable.getColumns().setAll(List.of(
                column("admin.col.name", ProjectInfo::name, 260),
                column("admin.col.id", ProjectInfo::id, 200),
                column("admin.col.members", p -> Integer.toString(p.memberCount()), 100)));
        TableLayout.readable(projectTable);
        TextField name = new TextField();
        name.setId("adminProjectName");
        name.promptTextProperty().bind(i18n.binding("admin.projects.namePrompt"));
        name.setPrefColumnCount(24);
        Button create = new Button();
        create.setId("adminCreateProject");
        create.textProperty().bind(i18n.binding("admin.projects.create"));
        create.setGraphic(new FontIcon(Material2OutlinedAL.ADD));
        create.disableProperty().bind(name.textProperty().isEmpty());
        create.setOnAction(e -> {
            viewModel.createProject(name.getText());
            name.clear();
        });
        HBox actions = new HBox(8, name, create);
        VBox box = new VBox(8, actions, projectTable);
        VBox.setVgrow(projectTable, Priority.ALWAYS);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    // ---- budgets

    private Node budgetsTab() {
        budgetTable.setId("adminBudgets");
        budgetTable.setPlaceholder(i18n.label("table.empty"));
        i18n.onSwitch(budgetTable, budgetTable::refresh);
        budgetTable.setItems(viewModel.budgets());
        budgetTable.getStyleClass().add(Styles.DENSE);
        budgetTable.getColumns().setAll(List.of(
                column("admin.col.project", BudgetStatus::projectName, 220),
                column("admin.col.budget", b -> b.budgetEur() == null ? i18n.get("admin.budgets.none") : eur(b.budgetEur()), 130),
                column("admin.col.used", b -> eur(b.spentEur().add(b.committedEur())), 130),
                column("admin.col.percent", b -> b.percent() == null ? "\u2013" : Formats.number(b.percent(), 1, i18n.locale()) + "\u00a0%", 80),
                column("admin.col.level", b -> i18n.get(switch (b.level()) {
                    case OK -> "usage.level.ok";
                    case WARN_50 -> "usage.level.warn50";
                    case WARN_80 -> "usage.level.warn80";
                    case EXCEEDED -> "usage.level.exceeded";
                }), 120),
                column("admin.col.override", b -> i18n.get(b.overrideAvailable() ? "admin.budgets.overrideOpen" : "admin.budgets.overrideNone"), 140)));
        TableLayout.readable(budgetTable);
        budgetTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.showOverrides(now == null ? null : now.projectId()));

        Label monthLabel = new Label();
        monthLabel.setId("adminBudgetMonth");
        monthLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("admin.budgets.month", viewModel.monthName(viewModel.monthProperty().get())),
                viewModel.monthProperty(), i18n.localeProperty()));
        monthLabel.getStyleClass().add(Styles.TEXT_BOLD);
        TextField amount = new TextField();
        amount.setId("adminBudgetAmount");
        amount.promptTextProperty().bind(i18n.binding("admin.budgets.amountPrompt"));
        amount.setPrefColumnCount(10);
        Button set = new Button();
        set.setId("adminSetBudget");
        set.textProperty().bind(i18n.binding("admin.budgets.setButton"));
        set.getStyleClass().add(Styles.ACCENT);
        ObservableValue<BudgetStatus> selected = budgetTable.getSelectionModel().selectedItemProperty();
        set.disableProperty().bind(budgetTable.getSelectionModel().selectedItemProperty().isNull().or(amount.textProperty().isEmpty()));
        set.setOnAction(e -> {
            BudgetStatus b = selected.getValue();
            viewModel.setBudget(b.projectId(), b.projectName(), amount.getText());
        });
        TextField reason = new TextField();
        reason.setId("adminOverrideReason");
        reason.promptTextProperty().bind(i18n.binding("admin.budgets.reasonPrompt"));
        reason.setPrefColumnCount(30);
        Button grant = new Button();
        grant.setId("adminGrantOverride");
        grant.textProperty().bind(i18n.binding("admin.budgets.grant"));
        grant.disableProperty().bind(budgetTable.getSelectionModel().selectedItemProperty().isNull().or(reason.textProperty().isEmpty()));
        grant.setOnAction(e -> {
            BudgetStatus b = selected.getValue();
            String why = reason.getText();
            confirm("admin.budgets.grantConfirm.act", "admin.budgets.grantConfirm.keep",
                    i18n.get("admin.budgets.grantConfirm", b.projectName(), why), () -> {
                viewModel.grantOverride(b.projectId(), b.projectName(), why);
                reason.clear();
            });
        });
        HBox raise = new HBox(8, monthLabel, amount, set);
        raise.setAlignment(Pos.CENTER_LEFT);
        HBox override = new HBox(8, reason, grant);
        override.setAlignment(Pos.CENTER_LEFT);

        overrideTable.setId("adminOverrides");

        overrideTable.setPlaceholder(i18n.label("table.empty"));

        i18n.onSwitch(overrideTable, overrideTable::refresh);
        overrideTable.setItems(viewModel.overrides());
        overrideTable.getStyleClass().add(Styles.DENSE);
        overrideTable.setPrefHeight(150);
        overrideTable.getColumns().setAll(List.of(
                column("admin.col.granted", o -> when(o.grantedAt()), 150),
                column("admin.col.grantedBy", BudgetOverride::grantedByName, 160),
                column("admin.col.reason", BudgetOverride::reason, 260),
                column("admin.col.usedBy", o -> o.usedByWorkloadId() == null ? i18n.get("admin.budgets.unused") : o.usedByWorkloadId(), 160)));
        TableLayout.readable(overrideTable);
        Label overridesTitle = new Label();
        overridesTitle.textProperty().bind(i18n.binding("admin.budgets.overrides"));
        overridesTitle.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label();
        hint.textProperty().bind(i18n.binding("admin.budgets.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox box = new VBox(8, hint, budgetTable, raise, override, overridesTitle, overrideTable);
        VBox.setVgrow(budgetTable, Priority.ALWAYS);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    // ---- quotas

    private Node quotasTab() {
        quotaProject.setId("adminQuotaProject");
        quotaProject.setItems(viewModel.projects());
        quotaProject.setConverter(converter(p -> p == null ? "" : p.name()));
        quotaProject.valueProperty().addListener((obs, old, now) -> viewModel.showQuotas(now == null ? null : now.id()));
        quotaTable.setId("adminQuotas");
        quotaTable.setPlaceholder(i18n.label("table.empty"));
        i18n.onSwitch(quotaTable, quotaTable::refresh);
        quotaTable.setItems(viewModel.quotas());
        quotaTable.getStyleClass().add(Styles.DENSE);
        quotaTable.getColumns().setAll(List.of(
                column("admin.col.plan", q -> planName(q.planId()), 220),
                column("admin.col.maxGpus", q -> q.maxGpus() == null ? i18n.get("admin.quotas.unlimited") : Integer.toString(q.maxGpus()), 120),
                column("admin.col.inUse", q -> Integer.toString(q.gpusInUse()), 100),
                column("admin.col.queued", q -> Integer.toString(q.gpusQueued()), 100)));
        TableLayout.readable(quotaTable);
        TextField max = new TextField();
        max.setId("adminQuotaMax");
        max.promptTextProperty().bind(i18n.binding("admin.quotas.maxPrompt"));
        max.setPrefColumnCount(6);
        Button set = new Button();
        set.setId("adminSetQuota");
        set.textProperty().bind(i18n.binding("admin.quotas.setButton"));
        set.getStyleClass().add(Styles.ACCENT);
        set.disableProperty().bind(quotaTable.getSelectionModel().selectedItemProperty().isNull().or(max.textProperty().isEmpty()));
        set.setOnAction(e -> {
            QuotaStatus q = quotaTable.getSelectionModel().getSelectedItem();
            viewModel.setQuota(q.projectId(), q.planId(), max.getText());
        });
        Button remove = new Button();
        remove.setId("adminRemoveQuota");
        remove.textProperty().bind(i18n.binding("admin.quotas.remove"));
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(quotaTable.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            QuotaStatus q = quotaTable.getSelectionModel().getSelectedItem();
            confirm("admin.quotas.removeConfirm.act", "admin.quotas.removeConfirm.keep",
                    i18n.get("admin.quotas.removeConfirm", planName(q.planId()), quotaProject.getValue().name()),
                    () -> viewModel.removeQuota(q.projectId(), q.planId()));
        });
        Label projectLabel = new Label();
        projectLabel.textProperty().bind(i18n.binding("admin.col.project"));
        quotaProject.setMinWidth(Region.USE_PREF_SIZE);
        quotaProject.setPrefWidth(260);
        HBox top = new HBox(8, projectLabel, quotaProject);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, max, set, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, quotaTable, actions);
        VBox.setVgrow(quotaTable, Priority.ALWAYS);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private String planName(String planId) {
        return viewModel.plans().stream().filter(p -> p.id().equals(planId)).findFirst()
                .map((ResourcePlan p) -> p.name().in(i18n.locale())).orElse(planId);
    }

    // ---- helpers

    private String eur(BigDecimal amount) {
        return Formats.eur(amount, i18n.locale());
    }

    private String when(Instant instant) {
        return Formats.dateTime(instant, i18n.locale());
    }

    /** Columns of names, lists and sentences; they shorten first, with the whole text on hover. */
    private static final Set<String> FREE_TEXT_KEYS = Set.of("admin.col.name", "admin.col.email", "admin.col.roles",
            "admin.col.projects", "admin.col.owner", "admin.col.label", "admin.col.project", "admin.col.reason",
            "admin.col.grantedBy", "admin.col.plan");

    private <S> TableColumn<S, String> column(String key, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        if (FREE_TEXT_KEYS.contains(key)) {
            TableLayout.freeText(column);
        }
        return column;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T object) {
                return text.apply(object);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Asks before a destructive action; not showAndWait, so the page keeps its background work running. */
    private void confirm(String actKey, String keepKey, String question, Runnable action) {
        Confirmation confirmation = new Confirmation(i18n, window(), "admin.confirm.title", null, question,
                actKey, keepKey);
        confirmation.alert().getDialogPane().setId("admin-confirm");
        confirmation.show(action);
    }
}
