package eu.aifactory.portal.admin;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.SiteTime;
import javafx.scene.Node;

/** The Admin page in the shell (tenant admins only): reads the tenant's users, tokens, projects and budgets on first show. */
public final class AdminPage implements Page {


    private final PageContext context;
    private final AdminViewModel viewModel;
    private AdminView view;
    private boolean loaded;

    public AdminPage(PageContext context) {
        this.context = context;
        this.viewModel = new AdminViewModel(context.session().client(), context.executor(), context.connection(),
                context.i18n(), context.clock(), SiteTime.ZONE);
    }

    @Override
    public String id() {
        return Page.ADMIN;
    }

    @Override
    public Node view() {
        return adminView();
    }

    public AdminView adminView() {
        if (view == null) {
            view = new AdminView(viewModel, context.i18n());
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
}
