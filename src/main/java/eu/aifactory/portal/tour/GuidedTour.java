package eu.aifactory.portal.tour;

import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.catalog.CatalogViewModel;
import eu.aifactory.portal.common.MediaTypes;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.QuietWindow;
import eu.aifactory.portal.energy.EnergyPage;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyPage;
import eu.aifactory.portal.residency.ResidencyViewModel;
import eu.aifactory.portal.shell.PortalWindow;
import eu.aifactory.portal.shell.ShellServices;
import eu.aifactory.portal.shell.ShellView;
import eu.aifactory.portal.tour.GuidedTourViewModel.Outcome;
import eu.aifactory.portal.tour.GuidedTourViewModel.Step;
import eu.aifactory.portal.workloads.WorkloadDetailView;
import eu.aifactory.portal.workloads.WorkloadsPage;
import eu.aifactory.portal.workloads.submit.InputSlotViewModel;
import eu.aifactory.portal.workloads.submit.SubmitDialog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.print.Printer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guided tour over the real portal (about three minutes): pick an application in the catalog, submit it with
 * sensible values (the real submit dialog, filled with the demo project's sample data), watch it run on the Workloads
 * page, open its energy receipt and the residency verdict, and take the signed receipt home as a QR code (and on
 * paper, where a printer is set up). Each step is a callout over the real page with the node it is about framed;
 * steps advance when the page's view model reaches the step's state ({@link GuidedTourViewModel}).
 *
 * <p>Start it from the shell's "Guided tour" button ({@link #installEntry}) or, in kiosk mode, when a visitor touches
 * "Touch to start": {@code new GuidedTour(shell, services)}, {@link #setOnFinished}, {@link #setOnSkipped},
 * {@link #start()}. UI thread only.
 */
public final class GuidedTour {

    private static final Logger LOG = LoggerFactory.getLogger(GuidedTour.class);
    /** A short run with an input every demo project has sample data for. */
    static final String SUGGESTED_APP = "visual-quality-inspection";
    static final String GLOW = "tour-glow";

    private final ShellView shell;
    private final ShellServices services;
    private final I18n i18n;
    private final GuidedTourViewModel viewModel;
    private final TourOverlay overlay = new TourOverlay();
    private final TourCallout callout;
    private final Popup dialogPopup = new Popup();
    private final Set<Object> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Runnable> detach = new ArrayList<>();
    private final Runnable pulse = this::afterLayout;
    private final ListChangeListener<Window> windows = this::windowsChanged;
    private Runnable onFinished = () -> { };
    private Runnable onSkipped = () -> { };
    private Scene scene;
    private SubmitDialog dialog;
    private Node glowing;

    public GuidedTour(ShellView shell, ShellServices services) {
        this.shell = shell;
        this.services = services;
        this.i18n = services.i18n();
        this.viewModel = new GuidedTourViewModel(shell.viewModel().session().client(), services.executor(), i18n,
                new PageActions());
        this.callout = new TourCallout(viewModel, i18n);
        callout.setOnPrint(this::print);
        dialogPopup.setAutoHide(false);
        viewModel.stepProperty().addListener((obs, old, now) -> stepChanged(old, now));
        viewModel.outcomeProperty().addListener((obs, old, now) -> {
            if (now != null) {
                end(now);
            }
        });
    }

    /**
     * Adds the "Guided tour" button to the header of every shell the window shows: on the demo factory only (the tour
     * submits a real run, which on a tenant's factory would cost money) and for users who may submit.
     */
    public static void installEntry(PortalWindow window, ShellServices services) {
        window.addShellListener(shell -> {
            if (!shell.viewModel().session().demo() || !shell.viewModel().permissions().canSubmit()) {
                return;
            }
            Button entry = new Button();
            entry.setId("tour-start");
            entry.getStyleClass().add("tour-entry");
            entry.getStylesheets().add(TourOverlay.STYLESHEET);
            entry.setGraphic(new FontIcon(Material2OutlinedMZ.SLIDESHOW));
            entry.textProperty().bind(services.i18n().binding("tour.entry"));
            entry.setOnAction(event -> {
                GuidedTour tour = new GuidedTour(shell, services);
                entry.setDisable(true);
                tour.setOnFinished(() -> entry.setDisable(false));
                tour.setOnSkipped(() -> entry.setDisable(false));
                tour.start();
            });
            shell.addHeaderAction(entry);
        });
    }

    /** Called once when the visitor reaches the end (after the take-away). */
    public void setOnFinished(Runnable action) {
        this.onFinished = action == null ? () -> { } : action;
    }

    /** Called once when the visitor skips the tour, at whichever step. */
    public void setOnSkipped(Runnable action) {
        this.onSkipped = action == null ? () -> { } : action;
    }

    public GuidedTourViewModel viewModel() {
        return viewModel;
    }

    /** Shows the catalog and the first step. */
    public void start() {
        scene = shell.getScene();
        overlay.getProperties().put(GuidedTour.class, this);
        overlay.getChildren().add(callout);
        shell.getChildren().add(overlay);
        ChangeListener<Number> resize = (obs, old, now) -> overlay.resizeRelocate(0, 0, shell.getWidth(), shell.getHeight());
        shell.widthProperty().addListener(resize);
        shell.heightProperty().addListener(resize);
        detach.add(() -> {
            shell.widthProperty().removeListener(resize);
            shell.heightProperty().removeListener(resize);
        });
        overlay.resizeRelocate(0, 0, shell.getWidth(), shell.getHeight());
        scene.addPostLayoutPulseListener(pulse);
        QuietWindow.set(scene.getWindow(), true);
        Window.getWindows().addListener(windows);
        shell.viewModel().navigate(Page.CATALOG);
        if (shell.currentPage() instanceof CatalogPage catalog) {
            catalog.catalogView().viewModel().selectedAppProperty().set(null);
        }
        services.executor().run(() -> Printer.getDefaultPrinter() != null, callout.printableProperty()::set,
                failure -> LOG.info("no printer: {}", failure.toString()));
        viewModel.start();
        watchCurrentPage();
        scene.getRoot().requestLayout();
    }

    // ---------------------------------------------------------------- following the real pages

    /** After each layout pass: watch the page now on screen, and keep the callout beside its node. */
    private void afterLayout() {
        if (viewModel.step() == null) {
            return;
        }
        watchCurrentPage();
        Step step = viewModel.step();
        overlay.place(callout, target(step), step == Step.STARTING || step == Step.RUNNING);
    }

    private Node target(Step step) {
        String id = switch (step) {
            case PICK_APP -> "#catalogGrid";
            case OPEN_SUBMIT -> "#submitWorkload";
            case STARTING -> "#detail-status";
            case RUNNING -> "#detail-facts";
            case RECEIPT -> "#energyReceipt";
            case RESIDENCY -> "#residencyVerdict";
            case SUBMIT, TAKE_AWAY -> null;
        };
        return id == null ? null : shell.lookup(id);
    }

    private void watchCurrentPage() {
        Page page = shell.currentPage();
        if (page instanceof CatalogPage catalog) {
            CatalogViewModel catalogModel = catalog.catalogView().viewModel();
            watch(catalogModel, () -> {
                ChangeListener<Object> open = (obs, old, now) -> viewModel.appOpen(catalogModel.detailProperty().get() != null);
                catalogModel.detailProperty().addListener(open);
                detach.add(() -> catalogModel.detailProperty().removeListener(open));
                viewModel.appOpen(catalogModel.detailProperty().get() != null);
            });
        } else if (page instanceof WorkloadsPage workloads) {
            watch(workloads.viewModel(), () -> {
                ListChangeListener<Workload> rows = change -> workloads.viewModel().rows().forEach(viewModel::workloadChanged);
                workloads.viewModel().rows().addListener(rows);
                detach.add(() -> workloads.viewModel().rows().removeListener(rows));
                workloads.viewModel().rows().forEach(viewModel::workloadChanged);
            });
            WorkloadDetailView detail = workloads.workloadsView().detail();
            if (detail != null) {
                watch(detail.viewModel(), () -> {
                    ChangeListener<Workload> changed = (obs, old, now) -> viewModel.workloadChanged(now);
                    detail.viewModel().workloadProperty().addListener(changed);
                    detach.add(() -> detail.viewModel().workloadProperty().removeListener(changed));
                    viewModel.workloadChanged(detail.viewModel().workload());
                });
            }
        } else if (page instanceof EnergyPage energy) {
            watch(energy.viewModel(), () -> {
                ChangeListener<EnergyReceipt> shown = (obs, old, now) -> {
                    if (now != null) {
                        viewModel.receiptShown(now.workloadId());
                    }
                };
                energy.viewModel().receiptProperty().addListener(shown);
                detach.add(() -> energy.viewModel().receiptProperty().removeListener(shown));
                shown.changed(null, null, energy.viewModel().receiptProperty().get());
            });
        } else if (page instanceof ResidencyPage residency) {
            watch(residency.viewModel(), () -> {
                ChangeListener<ResidencyViewModel.Verification> verified = (obs, old, now) -> {
                    if (now == ResidencyViewModel.Verification.VERIFIED) {
                        viewModel.verdictShown();
                    }
                };
                residency.viewModel().verificationProperty().addListener(verified);
                detach.add(() -> residency.viewModel().verificationProperty().removeListener(verified));
                verified.changed(null, null, residency.viewModel().verificationProperty().get());
            });
        }
    }

    private void watch(Object model, Runnable attach) {
        if (watched.add(model)) {
            attach.run();
        }
    }

    private void windowsChanged(ListChangeListener.Change<? extends Window> change) {
        while (change.next()) {
            for (Window window : change.getAddedSubList()) {
                Node pane = window.getScene() == null ? null : window.getScene().lookup("#submit-dialog");
                if (pane != null && pane.getProperties().get(SubmitDialog.class) instanceof SubmitDialog shown) {
                    dialogShown(shown, window);
                }
            }
        }
    }

    private void dialogShown(SubmitDialog shown, Window window) {
        dialog = shown;
        ChangeListener<Workload> created = (obs, old, now) -> {
            if (now != null) {
                viewModel.submitted(now);
            }
        };
        shown.viewModel().submittedProperty().addListener(created);
        window.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            shown.viewModel().submittedProperty().removeListener(created);
            if (dialog == shown) {
                dialog = null;
            }
            if (shown.getResult() == null) {
                viewModel.submitDialogClosed();
            }
        });
        // The list of windows changes while the dialog is being shown; its place and size are known once that is done.
        Platform.runLater(() -> {
            if (window.isShowing()) {
                viewModel.submitDialogShown();
            }
        });
    }

    // ---------------------------------------------------------------- steps on screen

    private void stepChanged(Step old, Step now) {
        if (old == Step.SUBMIT) {
            dialogPopup.hide();
            dialogPopup.getContent().clear();
            if (callout.getParent() == null) {
                overlay.getChildren().add(callout);
            }
        }
        if (glowing != null) {
            glowing.getStyleClass().remove(GLOW);
            glowing = null;
        }
        if (now == Step.SUBMIT && dialog != null) {
            showInDialog();
        }
        if (scene != null) {
            scene.getRoot().requestLayout();
        }
    }

    /** The dialog is modal: the callout moves into a popup of the dialog's window, and the Submit button glows. */
    private void showInDialog() {
        Window window = dialog.getDialogPane().getScene().getWindow();
        Node submit = dialog.getDialogPane().lookup("#submit-button");
        if (submit != null) {
            dialog.getDialogPane().getStylesheets().add(TourOverlay.STYLESHEET);
            submit.getStyleClass().add(GLOW);
            glowing = submit;
        }
        overlay.getChildren().remove(callout);
        dialogPopup.getContent().setAll(callout);
        callout.applyCss();
        callout.autosize();
        double x = window.getX() - callout.getWidth() - 16;
        if (x < 0) {
            x = window.getX() + 24;
        }
        double y = window.getY() + window.getHeight() - callout.getHeight() - 96;
        dialogPopup.show(window, x, Math.max(window.getY() + 24, y));
    }

    private void end(Outcome outcome) {
        dialogPopup.hide();
        if (glowing != null) {
            glowing.getStyleClass().remove(GLOW);
        }
        if (scene != null) {
            scene.removePostLayoutPulseListener(pulse);
            QuietWindow.set(scene.getWindow(), false);
        }
        Window.getWindows().removeListener(windows);
        detach.forEach(Runnable::run);
        detach.clear();
        shell.getChildren().remove(overlay);
        (outcome == Outcome.FINISHED ? onFinished : onSkipped).run();
    }

    private void print() {
        var signed = viewModel.takeAwayProperty().get();
        Workload workload = viewModel.workloadProperty().get();
        if (signed == null) {
            return;
        }
        services.executor().run(() -> {
                    ReceiptPrinter.print(ReceiptPdf.write(signed, workload == null ? null : workload.name(), i18n));
                    return Boolean.TRUE;
                }, done -> LOG.info("receipt of {} printed", signed.summary().workloadId()),
                failure -> LOG.warn("receipt not printed: {}", failure.toString()));
    }

    /** Does on the real pages what Next asks for. */
    private final class PageActions implements GuidedTourViewModel.Actions {

        @Override
        public void openSuggestedApp() {
            shell.viewModel().navigate(Page.CATALOG);
            if (shell.currentPage() instanceof CatalogPage catalog) {
                CatalogViewModel model = catalog.catalogView().viewModel();
                model.apps().stream().filter(a -> SUGGESTED_APP.equals(a.id())).findFirst()
                        .or(() -> model.apps().stream().findFirst())
                        .ifPresent(app -> model.selectedAppProperty().set(app));
            }
        }

        @Override
        public void openSubmit() {
            if (shell.lookup("#submitWorkload") instanceof ButtonBase button && !button.isDisabled()) {
                button.fire();
            }
        }

        @Override
        public void prefill() {
            if (dialog == null) {
                return;
            }
            dialog.viewModel().nameProperty().set(i18n.get("tour.runName"));
            for (InputSlotViewModel slot : dialog.viewModel().inputSlots()) {
                if (slot.selectedProperty().get() == null) {
                    pickSample(slot);
                    slot.datasets().addListener((ListChangeListener<Dataset>) change -> pickSample(slot));
                }
            }
        }

        /** The newest dataset of the project the input reads (the demo's sample data, or the visitor's own). */
        private void pickSample(InputSlotViewModel slot) {
            if (slot.selectedProperty().get() != null || !slot.slot().required()) {
                return;
            }
            slot.datasets().stream()
                    .filter(d -> MediaTypes.accepts(slot.slot().mediaTypes(), d.mediaType(), d.name()))
                    .findFirst()
                    .ifPresent(slot.selectedProperty()::set);
        }

        @Override
        public void submit() {
            if (dialog != null && dialog.getDialogPane().lookup("#submit-button") instanceof ButtonBase button
                    && !button.isDisabled()) {
                button.fire();
            }
        }

        @Override
        public void showReceipt(String workloadId) {
            shell.viewModel().navigate(Page.ENERGY);
            if (shell.currentPage() instanceof EnergyPage energy) {
                energy.viewModel().openReceipt(workloadId);
            }
        }

        @Override
        public void showResidency() {
            shell.viewModel().navigate(Page.RESIDENCY);
        }
    }
}
