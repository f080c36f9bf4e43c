package eu.aifactory.portal.workloads;

import eu.aifactory.api.workload.Workload;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import java.util.function.Consumer;
import javafx.scene.Node;

/** The Workloads page in the shell: the live table with the detail of the selected workload. */
public final class WorkloadsPage implements Page {

    private final WorkloadsFeature feature;
    private final WorkloadsViewModel viewModel;
    private WorkloadsView view;

    WorkloadsPage(WorkloadsFeature feature) {
        this.feature = feature;
        PageContext context = feature.context();
        ConnectionMonitor monitor = context.connection();
        Consumer<Throwable> contact = failure -> {
            if (failure == null) {
                monitor.reportSuccess();
            } else {
                monitor.report(failure);
            }
        };
        this.viewModel = new WorkloadsViewModel(context.session().client(), context.executor(), context.session().me(),
                feature.events(), context.clock(), contact);
        // Rows seen in the table tell the notifier whose workloads they are, without asking the factory.
        viewModel.rows().addListener((javafx.collections.ListChangeListener<Workload>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(feature.notifier()::remember);
            }
        });
        feature.attach(this);
    }

    @Override
    public String id() {
        return Page.WORKLOADS;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new WorkloadsView(viewModel, feature, feature.context().i18n());
        }
        return view;
    }

    @Override
    public void onShow() {
        viewModel.loadIfNeeded();
    }

    @Override
    public void focusSearch() {
        if (view != null) {
            view.focusSearch();
        }
    }

    @Override
    public void dispose() {
        feature.detach(this);
        if (view != null) {
            view.dispose();
        }
        viewModel.dispose();
    }

    /** Shows a workload: in the table when it fits the filter, and in the detail in any case. */
    void open(Workload workload) {
        viewModel.show(workload);
        ((WorkloadsView) view()).open(workload);
    }

    void showProblem(Throwable failure) {
        ((WorkloadsView) view()).showProblem(failure);
    }

    public WorkloadsViewModel viewModel() {
        return viewModel;
    }

    /** The page's view; built on first use. */
    public WorkloadsView workloadsView() {
        return (WorkloadsView) view();
    }
}
