package eu.aifactory.portal.usage;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.Node;

/** The Usage page in the shell (account managers and tenant admins): loads this quarter the first time it is shown. */
public final class UsagePage implements Page {

    /** The factory's site zone: months and days of usage and budgets follow it. */
    static final ZoneId SITE_ZONE = ZoneId.of("Europe/Berlin");

    private final PageContext context;
    private final UsageViewModel viewModel;
    private UsageView view;
    private boolean loaded;

    public UsagePage(PageContext context) {
        this(context, Clock.systemUTC());
    }

    public UsagePage(PageContext context, Clock clock) {
        this.context = context;
        this.viewModel = new UsageViewModel(context.session().client(), context.executor(), context.connection(),
                clock, SITE_ZONE);
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
