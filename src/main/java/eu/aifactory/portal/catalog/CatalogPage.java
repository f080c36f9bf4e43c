package eu.aifactory.portal.catalog;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;

/**
 * The catalog in the shell. Ties the page to the session's connection monitor both ways: its own calls count as
 * contact with the factory, and the monitor losing or regaining the factory turns the offline banner on or
 * reloads the catalog, so a restarted factory is picked up without a click.
 */
public final class CatalogPage implements Page {

    private final PageContext context;
    private final CatalogViewModel viewModel;
    private final ChangeListener<ConnectionMonitor.State> connectionListener;
    private CatalogView view;

    public CatalogPage(PageContext context) {
        this.context = context;
        this.viewModel = new CatalogViewModel(context.session().client(), context.executor(), context.i18n(),
                new CatalogCache(cacheDirectory(context)), context.clock());
        ConnectionMonitor monitor = context.connection();
        viewModel.setFactoryContact(new CatalogViewModel.FactoryContact() {
            @Override
            public void answered() {
                monitor.reportSuccess();
            }

            @Override
            public void failed(Throwable failure) {
                monitor.report(failure);
            }
        });
        connectionListener = (obs, old, now) -> {
            if (now == ConnectionMonitor.State.OFFLINE) {
                viewModel.connectionLost();
            } else if (now == ConnectionMonitor.State.ONLINE) {
                viewModel.connectionRestored();
            }
        };
        monitor.stateProperty().addListener(connectionListener);
    }

    /** One cache per factory, so a second factory never shows the first one's catalog. */
    static Path cacheDirectory(PageContext context) {
        return context.cacheDir().resolve("catalog").resolve(context.session().factoryKey());
    }

    @Override
    public String id() {
        return Page.CATALOG;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new CatalogView(viewModel, context.i18n());
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
        context.connection().stateProperty().removeListener(connectionListener);
        viewModel.dispose();
    }

    /** The page's view model, for the shell's submit hand-over and for tests. */
    public CatalogViewModel viewModel() {
        return viewModel;
    }

    /** The page's view; built on first use. */
    public CatalogView catalogView() {
        return (CatalogView) view();
    }
}
