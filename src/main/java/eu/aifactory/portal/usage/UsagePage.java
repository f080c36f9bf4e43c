package eu.aifactory.portal.usage;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.SiteTime;
import javafx.scene.Node;

/** The Usage page in the shell (account managers and tenant admins): loads this quarter the first time it is shown. */
public final class UsagePage implements Page {

    private final PageContext context;
    private final UsageViewModel viewModel;
    private UsageView view;
    private boolean loaded;

    public UsagePage(PageContext context) {
        this.context = context;
        this.viewModel = new UsageViewModel(context.session().client(), context.executor(), context.connection(),
                context.clock(), SiteTime.ZONE);
    }

    @Override
    public String id() {
        return Page.USAGE;
    }

    @Override
    public Node view() {
        return usageView();
    }

    /** The page's view, built on first use. */
    public UsageView usageView() {
        if (view == null) {
            view = new UsageView(viewModel, context.i18n());
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
