package eu.aifactory.portal.energy;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.SiteTime;
import javafx.scene.Node;

/** The Energy page in the shell: loads last quarter's report the first time it is shown. */
public final class EnergyPage implements Page {


    private final PageContext context;
    private final EnergyViewModel viewModel;
    private EnergyView view;
    private boolean loaded;

    public EnergyPage(PageContext context) {
        this.context = context;
        this.viewModel = new EnergyViewModel(context.session().client(), context.executor(), context.connection(),
                context.clock(), SiteTime.ZONE);
    }

    @Override
    public String id() {
        return Page.ENERGY;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new EnergyView(viewModel, context.i18n());
        }
        return view;
    }

    @Override
    public void onShow() {
        if (!loaded) {
            loaded = true;
            viewModel.load();
        }
    }

    @Override
    public void dispose() {
        viewModel.dispose();
    }

    public EnergyViewModel viewModel() {
        return viewModel;
    }
}
