package eu.aifactory.portal.workloads.submit;

import eu.aifactory.api.Problem;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.usage.BudgetDenial;
import eu.aifactory.api.usage.BudgetStatus;
import eu.aifactory.api.usage.Contact;
import eu.aifactory.api.usage.Headroom;
import eu.aifactory.api.usage.QuotaStatus;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.client.FactoryClient;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.common.TaskHandle;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submit dialog's budget and quota check for the chosen project and plan: how much of this month's budget is
 * used, what the run's estimate adds, and how many of the project's GPUs on the plan are taken. From 80 % with the
 * estimate included it warns; a run that would go past 100 % is blocked (unless a one-off override is granted), with
 * the tenant admins who can help. A budget-exceeded answer to a submit shows here too, with the factory's figures.
 */
public final class HeadroomViewModel {

    public enum Level { UNKNOWN, OK, WARN, BLOCKED }

    static final BigDecimal WARN_PERCENT = BigDecimal.valueOf(80);
    private static final Logger LOG = LoggerFactory.getLogger(HeadroomViewModel.class);

    private final FactoryClient client;
    private final TaskExecutor executor;
    private final I18n i18n;
    /** Recomputes the texts after a switch; held here so the app-wide language holds this model weakly. */
    private final I18n.Follower languageFollower;
    private final ObservableValue<Me.Project> project;
    private final ObservableValue<String> plan;
    private final ObservableValue<Estimate> estimate;
    private final ObservableMap<String, ResourcePlan> plans;

    private final ReadOnlyObjectWrapper<Headroom> headroom = new ReadOnlyObjectWrapper<>(this, "headroom");
    private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>(this, "level", Level.UNKNOWN);
    private final ReadOnlyStringWrapper budgetText = new ReadOnlyStringWrapper(this, "budgetText", "");
    private final ReadOnlyStringWrapper quotaText = new ReadOnlyStringWrapper(this, "quotaText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper(this, "blocked");
    private final ReadOnlyObjectWrapper<BigDecimal> percentAfter = new ReadOnlyObjectWrapper<>(this, "percentAfter");
    private BudgetDenial denial;
    private TaskHandle call = TaskHandle.NONE;
    private boolean disposed;

    HeadroomViewModel(FactoryClient client, TaskExecutor executor, I18n i18n, ObservableValue<Me.Project> project,
                      ObservableValue<String> plan, ObservableValue<Estimate> estimate,
                      ObservableMap<String, ResourcePlan> plans, ObservableValue<Problem> refusal) {
        this.client = client;
        this.executor = executor;
        this.i18n = i18n;
        this.project = project;
        this.plan = plan;
        this.estimate = estimate;
        this.plans = plans;
        project.addListener((obs, old, now) -> {
            denial = null;
            refresh();
        });
        plan.addListener((obs, old, now) -> recompute());
        estimate.addListener((obs, old, now) -> recompute());
        plans.addListener((MapChangeListener<String, ResourcePlan>) change -> recompute());
        refusal.addListener((obs, old, now) -> {
            if (now != null && now.budget() != null) {
                denial = now.budget();
                recompute();
                refresh();
            }
        });
        languageFollower = i18n.follow(this::recompute);
    }

    /** Asks the factory for the chosen project's budget and quotas. */
    public void refresh() {
        call.cancel();
        Me.Project chosen = project.getValue();
        if (disposed || chosen == null) {
            headroom.set(null);
            recompute();
            return;
        }
        call = executor.run(() -> client.headroom(chosen.id()), loaded -> {
            if (chosen.equals(project.getValue())) {
                headroom.set(loaded);
                recompute();
            }
        }, failure -> {
            LOG.info("headroom of project {} not loaded: {}", chosen.id(), failure.toString());
            headroom.set(null);
            recompute();
            budgetText.set(i18n.get("headroom.unavailable"));
        });
    }

    public ReadOnlyObjectProperty<Headroom> headroomProperty() {
        return headroom.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** "Budget November 2026: 850 € of 1,000 € used (85 %)", or that no budget is set. */
    public ReadOnlyStringProperty budgetTextProperty() {
        return budgetText.getReadOnlyProperty();
    }

    /** "GPU quota on B200 ×8: 8 of 16 GPUs in use, 0 queued", or that the plan has no quota. */
    public ReadOnlyStringProperty quotaTextProperty() {
        return quotaText.getReadOnlyProperty();
    }

    /** The warning or the reason for the block, with the estimate and who can help; empty when all is well. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True when Submit must stay disabled: the run does not fit the budget. */
    public ReadOnlyBooleanProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    /** The budget share used once this run's estimate is added, in percent; null without a budget. */
    public ReadOnlyObjectProperty<BigDecimal> percentAfterProperty() {
        return percentAfter.getReadOnlyProperty();
    }

    void dispose() {
        disposed = true;
        call.cancel();
    }

    private Locale locale() {
        return i18n.locale();
    }

    private String eur(BigDecimal amount) {
        return Formats.eur(amount, locale());
    }

    private void recompute() {
        Headroom h = headroom.get();
        Level result = Level.UNKNOWN;
        String budgetLine = "";
        String noticeLine = "";
        BigDecimal after = null;
        if (h != null) {
            BudgetStatus b = h.budget();
            BigDecimal cost = estimate.getValue() == null ? BigDecimal.ZERO : estimate.getValue().costEur();
            result = Level.OK;
            if (b.budgetEur() == null) {
                budgetLine = i18n.get("headroom.noBudget", monthName(b.month()), eur(b.spentEur()));
            } else {
                BigDecimal used = b.spentEur().add(b.committedEur());
                BigDecimal total = used.add(cost);
                after = percent(total, b.budgetEur());
                budgetLine = i18n.get("headroom.budget", monthName(b.month()), eur(used), eur(b.budgetEur()),
                        Formats.number(percent(used, b.budgetEur()), 1, locale()));
                if (total.compareTo(b.budgetEur()) > 0) {
                    if (b.overrideAvailable()) {
                        result = Level.WARN;
                        noticeLine = i18n.get("headroom.override", eur(total), eur(b.budgetEur()));
                    } else {
                        result = Level.BLOCKED;
                        noticeLine = i18n.get("headroom.blocked", eur(cost), eur(total), eur(b.budgetEur()),
                                contacts(h.contacts()));
                    }
                } else if (after.compareTo(WARN_PERCENT) >= 0) {
                    result = Level.WARN;
                    noticeLine = i18n.get("headroom.warn", Formats.number(after, 1, locale()), eur(cost));
                }
            }
            String quotaLine = quotaLine(h);
            quotaText.set(quotaLine);
            String queued = queueNote(h);
            if (queued != null) {
                if (result == Level.OK) {
                    result = Level.WARN;
                }
                noticeLine = noticeLine.isEmpty() ? queued : noticeLine + "\n" + queued;
            }
        } else {
            quotaText.set("");
        }
        if (denial != null && !lifted(h)) {
            result = Level.BLOCKED;
            noticeLine = i18n.get("headroom.refused", eur(denial.estimateEur()), eur(denial.availableEur()),
                    eur(denial.budgetEur()), contacts(denial.contacts()));
        }
        budgetText.set(budgetLine);
        notice.set(noticeLine);
        percentAfter.set(after);
        level.set(result);
        blocked.set(result == Level.BLOCKED);
    }

    /**
     * Whether the factory's refusal no longer holds: the factory's word counts over the portal's arithmetic until a
     * re-read shows a raised (or removed) budget with room for the run, or a granted override.
     */
    private boolean lifted(Headroom h) {
        if (h == null) {
            return false;
        }
        BudgetStatus b = h.budget();
        if (b.overrideAvailable() || b.budgetEur() == null) {
            return true;
        }
        BigDecimal left = b.budgetEur().subtract(b.spentEur()).subtract(b.committedEur());
        return b.budgetEur().compareTo(denial.budgetEur()) > 0 && left.compareTo(denial.estimateEur()) >= 0;
    }

    private String quotaLine(Headroom h) {
        QuotaStatus q = quota(h);
        String planName = planName();
        if (q == null || q.maxGpus() == null) {
            return planName == null ? "" : i18n.get("headroom.noQuota", planName);
        }
        return i18n.get("headroom.quota", planName, q.gpusInUse(), q.maxGpus(), q.gpusQueued());
    }

    /** Says that the run will wait for the project's quota, or null when it fits. */
    private String queueNote(Headroom h) {
        QuotaStatus q = quota(h);
        ResourcePlan chosen = plan.getValue() == null ? null : plans.get(plan.getValue());
        if (q == null || q.maxGpus() == null || chosen == null) {
            return null;
        }
        if (q.gpusInUse() + chosen.gpuCount() > q.maxGpus()) {
            return i18n.get("headroom.queue", q.gpusInUse(), q.maxGpus());
        }
        return null;
    }

    private QuotaStatus quota(Headroom h) {
        String chosen = plan.getValue();
        return chosen == null ? null : h.quotas().stream().filter(q -> chosen.equals(q.planId())).findFirst().orElse(null);
    }

    private String planName() {
        String chosen = plan.getValue();
        if (chosen == null) {
            return null;
        }
        ResourcePlan p = plans.get(chosen);
        return p == null ? chosen : p.name().in(locale());
    }

    private String contacts(List<Contact> contacts) {
        return contacts.isEmpty() ? i18n.get("headroom.anyAdmin")
                : contacts.stream().map(Contact::name).collect(Collectors.joining(", "));
    }

    private String monthName(String month) {
        try {
            YearMonth parsed = YearMonth.parse(month);
            return parsed.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale()) + " " + parsed.getYear();
        } catch (DateTimeParseException e) {
            return month;
        }
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return part.signum() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100_000);
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }
}
