package eu.aifactory.portal.residency;

import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.SaveDialog;
import java.nio.file.Path;
import javafx.scene.Node;

/**
 * The residency report in the shell. Its calls count as contact with the factory for the connection monitor, and
 * the factory's keys are pinned per factory in {@code trustDir}, beside the settings.
 */
public final class ResidencyPage implements Page {

    private final PageContext context;
    private final ResidencyViewModel viewModel;
    private final SaveDialog saveDialog;
    private ResidencyView view;

    public ResidencyPage(PageContext context, Path trustDir) {
        this(context, trustDir, null);
    }

    /** @param saveDialog where exports go; null for the native file chooser */
    public ResidencyPage(PageContext context, Path trustDir, SaveDialog saveDialog) {
        this.context = context;
        this.saveDialog = saveDialog;
        this.viewModel = new ResidencyViewModel(context.session().client(), context.executor(), context.i18n(),
                KeyPinStore.forFactory(trustDir, context.session().factoryKey(), context.clock()), context.clock());
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
            if (saveDialog != null) {
                view.setSaveDialog((titleKey, name) -> saveDialog.choose(context.i18n().get(titleKey), name));
            }
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
