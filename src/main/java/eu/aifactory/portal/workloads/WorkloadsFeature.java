package eu.aifactory.portal.workloads;

import eu.aifactory.api.catalog.AppDetail;
import eu.aifactory.api.catalog.AppVersion;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.workloads.submit.PresetStore;
import eu.aifactory.portal.workloads.submit.PresetsViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import eu.aifactory.portal.workloads.submit.SubmitFormViewModel;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workloads feature of one signed-in session: the shared event stream, the submit dialog (from the catalog, from
 * a previous run), the desktop notifications and the hand-over to the Workloads page ("show this workload"). Built
 * by {@link WorkloadsMount} when the session's first page is created, closed when the session ends.
 */
public final class WorkloadsFeature {

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadsFeature.class);

    private final PageContext context;
    private final WorkloadEvents events;
    private final WorkloadNotifier notifier;
    private final Path presetsDir;
    private final ReadOnlyObjectWrapper<CatalogNames> names = new ReadOnlyObjectWrapper<>(this, "names",
            CatalogNames.NONE);
    private boolean namesAsked;
    private WorkloadsPage page;
    private String pendingOpen;
    private boolean closed;

    /** @param presetsDir where submit presets are kept, or null to keep them for this run only */
    WorkloadsFeature(PageContext context, BooleanSupplier notificationsEnabled, Consumer<WorkloadNotifier.Notice> notices,
                     Path presetsDir) {
        this.context = context;
        this.presetsDir = presetsDir;
        this.events = new WorkloadEvents(context.session().client(), context.executor());
        this.notifier = new WorkloadNotifier(context.session().client(), context.executor(), context.session().me(),
                notificationsEnabled, notices);
        events.addListener(notifier::onEvent);
        events.start();
    }

    public Session session() {
        return context.session();
    }

    public PageContext context() {
        return context;
    }

    public WorkloadEvents events() {
        return events;
    }

    WorkloadNotifier notifier() {
        return notifier;
    }

    /**
     * The names of the factory's applications and plans, read in the background the first time this is asked for
     * (and again after a failure); until they arrive, workloads show ids.
     */
    ReadOnlyObjectProperty<CatalogNames> catalogNames() {
        if (!namesAsked) {
            namesAsked = true;
            context.executor().run(() -> CatalogNames.load(context.session().client()), names::set, failure -> {
                namesAsked = false;
                LOG.info("application and plan names not loaded: {}", failure.toString());
            });
        }
        return names.getReadOnlyProperty();
    }

    /** Opens the submit dialog for an application version; on success the Workloads page shows the new workload. */
    public SubmitDialog openSubmit(AppDetail app, AppVersion version, Workload prefill, Window owner) {
        SubmitFormViewModel form = new SubmitFormViewModel(context.session().client(), context.executor(), context.i18n(),
                context.session().me(), app, version);
        if (prefill != null) {
            form.prefill(prefill);
        }
        SubmitDialog dialog = new SubmitDialog(form, context.i18n(), owner);
        PresetsViewModel presets = new PresetsViewModel(form, new PresetStore(presetsDir,
                context.session().factoryKey(), context.session().me().user().id()), context.executor(), context.i18n());
        dialog.enablePresets(presets, null);
        presets.load();
        dialog.setOnHidden(event -> {
            form.dispose();
            Workload created = dialog.getResult();
            if (created != null) {
                submitted(created);
            }
        });
        dialog.show();
        return dialog;
    }

    /** "Clone to form": loads the workload's application, then opens the form filled with the workload's values. */
    public void openClone(Workload previous, Window owner) {
        context.executor().run(() -> context.session().client().getApp(previous.appId()), app -> {
            AppVersion version = app.version(previous.appVersion());
            openSubmit(app, version != null ? version : app.latest(), previous, owner);
        }, failure -> {
            LOG.info("application {} not loaded for cloning: {}", previous.appId(), failure.toString());
            context.connection().report(failure);
            if (page != null) {
                page.showProblem(failure);
            }
        });
    }

    /** A workload was created from this portal: show it on the Workloads page. */
    public void submitted(Workload created) {
        notifier.remember(created);
        showWorkload(created);
    }

    /** Switches to the Workloads page with this workload selected and its detail open. */
    public void showWorkload(Workload workload) {
        if (closed) {
            return;
        }
        if (page != null) {
            page.open(workload);
        } else {
            pendingOpen = workload.id();
        }
        context.navigate(Page.WORKLOADS);
    }

    /** Same as {@link #showWorkload(Workload)} when only the id is at hand (a clicked notification). */
    public void showWorkload(String workloadId) {
        context.executor().run(() -> context.session().client().getWorkload(workloadId), this::showWorkload,
                failure -> context.connection().report(failure));
    }

    void attach(WorkloadsPage workloadsPage) {
        this.page = workloadsPage;
        if (pendingOpen != null) {
            String id = pendingOpen;
            pendingOpen = null;
            showWorkload(id);
        }
    }

    void detach(WorkloadsPage workloadsPage) {
        if (page == workloadsPage) {
            page = null;
        }
    }

    void close() {
        closed = true;
        events.close();
        notifier.dispose();
    }
}
