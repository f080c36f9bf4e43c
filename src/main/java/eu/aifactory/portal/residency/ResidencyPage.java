package eu.aifactory.portal.residency;

import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;

/**
 * The residency report in the shell. Its calls count as contact with the factory for the connection monitor, and
 * the factory's keys are pinned per factory in {@code trustDir}, beside the settings.
 */
public final class ResidencyPage implements Page {

    private final PageContext context;
    private final ResidencyViewModel viewModel;
    private ResidencyView view;

    public ResidencyPage(PageContext context, Path trustDir) {
        this.context = context;
        this.viewModel = new ResidencyViewModel(context.session().client(), context.executor(), context.i18n(),
                KeyPinStore.forFactory(trustDir, context.session().factoryKey(), Clock.systemUTC()), Clock.systemUTC());
        ConnectionMonitor monitor = context.connection();
        viewModel.setFactoryContact(new ResidencyViewModel.FactoryContact() {
            @Override
            public void answered() {
                monitor.reportSuccess();
            }

            @Override
            public void failed(Throwable failure) {
                monitor.report(failure);
            }
        });
    }

    @Override
    public String id() {
        return Page.RESIDENCY;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ResidencyView(viewModel, context.i18n());
        }
        return view;
    }

    @Override
    public void onShow() {
        viewModel.loadIfNeeded();
    }

    @Override
    public void dispose() {
        viewModel.dispose();
    }

    public ResidencyViewModel viewModel() {
        return viewModel;
    }
}
