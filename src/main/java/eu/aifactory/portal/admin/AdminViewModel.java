package eu.aifactory.portal.admin;

import eu.aifactory.api.Problem.FieldError;
import eu.aifactory.api.admin.ApiToken;
import eu.aifactory.api.admin.CreatedToken;
import eu.aifactory.api.admin.ProjectInfo;
import eu.aifactory.api.admin.TokenCreate;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.admin.UserCreate;
import eu.aifactory.api.admin.UserUpdate;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.api.usage.BudgetOverride;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.BudgetUpdate;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Admin page's state for a tenant admin: users with their roles and projects, API tokens, projects, this month's
 * budgets with one-off overrides, and GPU quotas per project and plan. Every change goes to the factory in the
 * background; the lists are re-read from its answer, and a refusal is shown as a clear sentence.
 */
public final class AdminViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AdminViewModel.class);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final ConnectionMonitor monitor;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;

    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final ObservableList<ApiToken> tokens = FXCollections.observableArrayList();
    private final ObservableList<ProjectInfo> projects = FXCollections.observableArrayList();
    private final ObservableList<BudgetStatus> budgets = FXCollections.observableArrayList();
    private final ObservableList<BudgetOverride> overrides = FXCollections.observableArrayList();
    private final ObservableList<QuotaStatus> quotas = FXCollections.observableArrayList();
    private final ObservableList<ResourcePlan> plans = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info");
    private final ReadOnlyStringWrapper newUserNameError = new ReadOnlyStringWrapper(this, "newUserNameError");
    private final ReadOnlyStringWrapper newUserEmailError = new ReadOnlyStringWrapper(this, "newUserEmailError");
    private final ReadOnlyObjectWrapper<CreatedToken> createdToken = new ReadOnlyObjectWrapper<>(this, "createdToken");
    private final ReadOnlyObjectWrapper<YearMonth> month = new ReadOnlyObjectWrapper<>(this, "month");
    private final AccessRequestsViewModel accessRequests;
    private String quotaProject;
    private String overrideProject;
    private int running;
    private boolean disposed;
    private final AuditViewModel audit;

    public AdminViewModel(FactoryClient client, TaskExecutor executor, ConnectionMonitor monitor, I18n i18n, Clock clock,
                          ZoneId zone) {
        this.client = Objects.requireNonNull(client);
        this.executor = Objects.requireNonNull(executor);
        this.monitor = Objects.requireNonNull(monitor);
        this.i18n = Objects.requireNonNull(i18n);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        month.set(YearMonth.now(clock.withZone(zone)));
        this.audit = new AuditViewModel(client, executor, i18n, clock, zone);
        this.accessRequests = new AccessRequestsViewModel(client, executor, monitor, i18n, true);
    }

    /** The Audit tab's state. */
    public AuditViewModel audit() {
        return audit;
    }

    /** The Access requests tab: the page is for tenant admins, who decide. */
    public AccessRequestsViewModel accessRequests() {
        return accessRequests;
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public ObservableList<ApiToken> tokens() {
        return tokens;
    }

    public ObservableList<ProjectInfo> projects() {
        return projects;
    }

    /** This month's budget of every project. */
    public ObservableList<BudgetStatus> budgets() {
        return budgets;
    }

    /** The recorded one-off overrides of the project last chosen on the Budgets tab, newest first. */
    public ObservableList<BudgetOverride> overrides() {
        return overrides;
    }

    /** The quotas of the project chosen on the Quotas tab, one per resource plan. */
    public ObservableList<QuotaStatus> quotas() {
        return quotas;
    }

    public ObservableList<ResourcePlan> plans() {
        return plans;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last refusal or failure as a sentence, null after a success. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last change did ("Budget of Linie Süd for November 2026 set to €2,000.00."). */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** A token just created: its secret is shown once, then {@link #forgetCreatedToken()} drops it. */
    public ReadOnlyObjectProperty<CreatedToken> createdTokenProperty() {
        return createdToken.getReadOnlyProperty();
    }

    /** The current site-local month, which budgets and overrides apply to. */
    public ReadOnlyObjectProperty<YearMonth> monthProperty() {
        return month.getReadOnlyProperty();
    }

    /** Reads users, tokens, projects, plans, this month's budgets and the operator's access requests. */
    public void load() {
        accessRequests.load();
        month.set(YearMonth.now(clock.withZone(zone)));
        YearMonth current = month.get();
        call(() -> new Snapshot(client.listUsers(), client.listTokens(), client.listProjects(), client.budgets(current),
                client.listResourcePlans()), snapshot -> {
                    users.setAll(sortedUsers(snapshot.users()));
                    tokens.setAll(snapshot.tokens().stream().sorted(Comparator.comparing(ApiToken::createdAt).reversed()).toList());
                    projects.setAll(snapshot.projects().stream().sorted(Comparator.comparing(ProjectInfo::name,
                            String.CASE_INSENSITIVE_ORDER)).toList());
                    budgets.setAll(sortedBudgets(snapshot.budgets()));
                    plans.setAll(snapshot.plans());
                }, null);
    }

    /** Replaces a user's roles and projects. At least one role is needed. */
    public void updateUser(UserAccount user, List<Role> roles, List<String> projectIds) {
        if (roles.isEmpty()) {
            error.set(i18n.get("admin.users.noRole"));
            return;
        }
        call(() -> client.updateUser(user.id(), new UserUpdate(List.copyOf(roles), List.copyOf(projectIds), null)),
                this::replaceUser, i18n.get("admin.users.updated", user.name()));
    }

    /**
     * Adds a user with one role and no projects yet (the Edit dialog assigns them). Name and a plausible e-mail
     * address are required; the factory refuses an address already in use.
     */
    public void createUser(String name, String email, Role role, Runnable created) {
        String n = name == null ? "" : name.trim();
        String e = email == null ? "" : email.trim();
        newUserNameError.set(n.isEmpty() ? i18n.get("admin.users.nameMissing") : null);
        newUserEmailError.set(e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null : i18n.get("admin.users.emailInvalid"));
        if (newUserNameError.get() != null || newUserEmailError.get() != null || role == null) {
            return;
        }
        call(() -> client.createUser(new UserCreate(n, e, List.of(role), List.of())), account -> {
            users.add(account);
            users.setAll(sortedUsers(List.copyOf(users)));
            created.run();
        }, i18n.get("admin.users.created", n), this::newUserRefused);
    }

    /** Why the factory refused the new user's name, next to that field; null when it is fine. */
    public ReadOnlyStringProperty newUserNameErrorProperty() {
        return newUserNameError.getReadOnlyProperty();
    }

    /** Why the new user's e-mail address cannot be used, next to that field; null when it is fine. */
    public ReadOnlyStringProperty newUserEmailErrorProperty() {
        return newUserEmailError.getReadOnlyProperty();
    }

    private void newUserRefused(Throwable failure) {
        if (failure instanceof ApiException api) {
            for (FieldError field : api.problem().errors()) {
                if (field.field().endsWith("email")) {
                    newUserEmailError.set(field.message());
                } else if (field.field().endsWith("name")) {
                    newUserNameError.set(field.message());
                }
            }
        }
    }

    /** Disables a user (their tokens stop working at once) or enables them again. */
    public void setDisabled(UserAccount user, boolean disabled) {
        call(() -> client.updateUser(user.id(), new UserUpdate(null, null, disabled)), this::replaceUser,
                i18n.get(disabled ? "admin.users.disabledDone" : "admin.users.enabledDone", user.name()));
    }

    /** Creates a token for a user; its secret arrives in {@link #createdTokenProperty()}. */
    public void createToken(UserAccount owner, String label) {
        String trimmed = label == null ? "" : label.trim();
        if (trimmed.isEmpty()) {
            error.set(i18n.get("admin.tokens.labelMissing"));
            return;
        }
        call(() -> {
            CreatedToken created = client.createToken(new TokenCreate(owner.id(), trimmed));
            return new TokenResult(created, client.listTokens());
        }, result -> {
            tokens.setAll(result.tokens().stream().sorted(Comparator.comparing(ApiToken::createdAt).reversed()).toList());
            createdToken.set(result.created());
        }, i18n.get("admin.tokens.created", trimmed, owner.name()));
    }

    /** The secret was shown: the portal keeps it no longer. */
    public void forgetCreatedToken() {
        createdToken.set(null);
    }

    public void revokeToken(ApiToken token) {
        call(() -> {
            client.revokeToken(token.id());
            return client.listTokens();
        }, list -> tokens.setAll(list.stream().sorted(Comparator.comparing(ApiToken::createdAt).reversed()).toList()),
                i18n.get("admin.tokens.revoked", token.prefix()));
    }

    public void createProject(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            error.set(i18n.get("admin.projects.nameMissing"));
            return;
        }
        call(() -> {
            client.createProject(trimmed);
            return client.listProjects();
        }, list -> projects.setAll(list.stream().sorted(Comparator.comparing(ProjectInfo::name,
                String.CASE_INSENSITIVE_ORDER)).toList()), i18n.get("admin.projects.created", trimmed));
    }

    /**
     * Sets a project's budget for the current month from the text the admin typed ("2000", "2.000,50" in German).
     */
    public void setBudget(String projectId, String projectName, String amount) {
        BigDecimal eur = parseAmount(amount);
        if (eur == null) {
            error.set(i18n.get("admin.budgets.invalid"));
            return;
        }
        YearMonth current = month.get();
        // PUT replaces the month's budget: the kWh budget set before is sent along, not dropped.
        BigDecimal kwh = budgets.stream().filter(b -> b.projectId().equals(projectId)).findFirst()
                .map(BudgetStatus::budgetKwh).orElse(null);
        call(() -> {
            client.putBudget(projectId, current, new BudgetUpdate(eur, kwh));
            return client.budgets(current);
        }, list -> budgets.setAll(sortedBudgets(list)), i18n.get("admin.budgets.set", projectName,
                monthName(current), eu.aifactory.portal.i18n.Formats.eur(eur, i18n.locale())));
    }

    /** Lets one over-budget submit of the project through this month; the reason is recorded. */
    public void grantOverride(String projectId, String projectName, String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty()) {
            error.set(i18n.get("admin.budgets.reasonMissing"));
            return;
        }
        YearMonth current = month.get();
        call(() -> {
            client.grantBudgetOverride(projectId, trimmed);
            return new OverrideResult(client.budgetOverrides(projectId), client.budgets(current));
        }, result -> {
            overrideProject = projectId;
            overrides.setAll(result.overrides());
            budgets.setAll(sortedBudgets(result.budgets()));
        }, i18n.get("admin.budgets.overrideGranted", projectName));
    }

    /** Loads the recorded overrides of a project. */
    public void showOverrides(String projectId) {
        overrideProject = projectId;
        if (projectId == null) {
            overrides.clear();
            return;
        }
        call(() -> client.budgetOverrides(projectId), list -> {
            if (projectId.equals(overrideProject)) {
                overrides.setAll(list);
            }
        }, null);
    }

    /** Loads the quotas of a project, one row per plan. */
    public void showQuotas(String projectId) {
        quotaProject = projectId;
        if (projectId == null) {
            quotas.clear();
            return;
        }
        call(() -> client.headroom(projectId).quotas(), list -> {
            if (projectId.equals(quotaProject)) {
                quotas.setAll(list);
            }
        }, null);
    }

    /** Sets the quota from the text the admin typed: a whole number of GPUs, 0 or more. */
    public void setQuota(String projectId, String planId, String text) {
        Integer value = parseGpus(text);
        if (value == null) {
            error.set(i18n.get("admin.quotas.invalid"));
            return;
        }
        putQuota(projectId, planId, value);
    }

    /** Removes the project's GPU limit on the plan. */
    public void removeQuota(String projectId, String planId) {
        putQuota(projectId, planId, null);
    }

    /** Sets the most GPUs the project may hold at once on a plan; null removes the limit. */
    private void putQuota(String projectId, String planId, Integer maxGpus) {
        call(() -> {
            client.putQuota(projectId, planId, maxGpus);
            return client.headroom(projectId).quotas();
        }, list -> {
            if (projectId.equals(quotaProject)) {
                quotas.setAll(list);
            }
        }, maxGpus == null ? i18n.get("admin.quotas.removed", planId) : i18n.get("admin.quotas.set", planId, maxGpus));
    }

    /** "2000", "2,000.50" (English) or "2.000,50" (German); null for anything else or a negative amount. */
    BigDecimal parseAmount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().replace("\u20ac", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "");
        boolean german = i18n.isGerman();
        String grouping = german ? "." : ",";
        String decimal = german ? "," : ".";
        t = t.replace(grouping, "").replace(decimal, ".");
        try {
            BigDecimal value = new BigDecimal(t);
            return value.signum() < 0 || value.scale() > 2 ? null : value.setScale(2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number of GPUs, 0 or more; null for anything else. */
    static Integer parseGpus(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            return value < 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String monthName(YearMonth value) {
        return value.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, i18n.locale()) + " " + value.getYear();
    }

    private void replaceUser(UserAccount updated) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id().equals(updated.id())) {
                users.set(i, updated);
                return;
            }
        }
        users.add(updated);
    }

    private static List<UserAccount> sortedUsers(List<UserAccount> list) {
        return list.stream().sorted(Comparator.comparing(UserAccount::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static List<BudgetStatus> sortedBudgets(List<BudgetStatus> list) {
        return list.stream().sorted(Comparator.comparing(BudgetStatus::projectName,
                Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))).toList();
    }

    private <T> void call(Callable<T> work, Consumer<T> onSuccess, String done) {
        call(work, onSuccess, done, failure -> { });
    }

    private <T> void call(Callable<T> work, Consumer<T> onSuccess, String done, Consumer<Throwable> onFailure) {
        running++;
        busy.set(true);
        error.set(null);
        executor.run(work, result -> {
            if (disposed) {
                return;
            }
            finished();
            monitor.reportSuccess();
            onSuccess.accept(result);
            if (done != null) {
                info.set(done);
            }
        }, failure -> {
            if (disposed) {
                return;
            }
            finished();
            monitor.report(failure);
            LOG.info("admin action failed: {}", failure.toString());
            info.set(null);
            error.set(Refusals.describe(failure, i18n));
            onFailure.accept(failure);
        });
    }

    /** The session ended: answers still on their way are dropped. */
    public void dispose() {
        disposed = true;
        audit.dispose();
        accessRequests.dispose();
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    private record Snapshot(List<UserAccount> users, List<ApiToken> tokens, List<ProjectInfo> projects,
                            List<BudgetStatus> budgets, List<ResourcePlan> plans) {
    }

    private record TokenResult(CreatedToken created, List<ApiToken> tokens) {
        @Override
        public String toString() {
            return "TokenResult[" + created.token() + "]";
        }
    }

    private record OverrideResult(List<BudgetOverride> overrides, List<BudgetStatus> budgets) {
    }
}
