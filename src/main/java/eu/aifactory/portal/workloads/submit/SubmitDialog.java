package eu.aifactory.portal.workloads.submit;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import eu.aifactory.api.catalog.ResourcePlan;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.workload.Estimate;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.PatternExample;
import eu.aifactory.portal.common.WholeWords;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.workloads.WorkloadFormats;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The submit dialog: a form generated from the version's parameter schema (one control per type), project, plan and
 * priority, the live estimate beside it, and Submit / Retry. Errors show under their control and as ControlsFX
 * decorations; the dialog closes with the created workload as its result.
 */
public final class SubmitDialog extends Dialog<Workload> {

    private final SubmitFormViewModel viewModel;
    private final I18n i18n;
    private final ValidationSupport validation = new ValidationSupport();
    private final Map<String, Control> controls = new HashMap<>();
    private final Map<String, Control> formControls = new HashMap<>();
    private final Map<String, InputSlotPane> inputPanes = new HashMap<>();
    private final Function<Window, Path> chooseFile;
    private ScrollPane scroll;
    private GridPane form;
    private int row;

    public SubmitDialog(SubmitFormViewModel viewModel, I18n i18n, Window owner) {
        this(viewModel, i18n, owner, null);
    }

    /**
     * @param chooseFile asks for the file to upload into an input slot, given the dialog's window (null when the
     *                   user cancels); null for the platform's file chooser. Tests pass their own file.
     */
    /** Room left around the dialog inside the portal's window, for the window's title bar and edges. */
    private static final double OWNER_MARGIN = 24;

    public SubmitDialog(SubmitFormViewModel viewModel, I18n i18n, Window owner, Function<Window, Path> chooseFile) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.chooseFile = chooseFile != null ? chooseFile : this::showFileChooser;
        if (owner != null) {
            initOwner(owner);
        }
        setResizable(true);
        titleProperty().bind(i18n.binding("workloads.submit.title"));
        getDialogPane().setId("submit-dialog");
        getDialogPane().getProperties().put(SubmitDialog.class, this);
        getDialogPane().getStyleClass().add("workloads-submit");
        getDialogPane().getStylesheets().add(Objects.requireNonNull(
                SubmitDialog.class.getResource("/eu/aifactory/portal/workloads/workloads.css")).toExternalForm());

        ButtonType submitType = new ButtonType("", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType("", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(submitType, cancelType);
        getDialogPane().setHeader(header());
        getDialogPane().setContent(content());
        // Fits inside the portal's window down to its minimum size; the form scrolls inside.
        double room = owner == null ? Double.MAX_VALUE : owner.getWidth() - 2 * OWNER_MARGIN;
        double roomHeight = owner == null ? Double.MAX_VALUE : owner.getHeight() - 2 * OWNER_MARGIN;
        getDialogPane().setPrefSize(Math.min(1000, room), Math.min(720, roomHeight));
        getDialogPane().setMinSize(Math.min(760, room), Math.min(480, roomHeight));

        Button submit = (Button) getDialogPane().lookupButton(submitType);
        submit.setId("submit-button");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.textProperty().bind(i18n.text(() -> i18n.get(viewModel.retryingProperty().get()
                ? "workloads.submit.retry" : "workloads.submit.submit"), viewModel.retryingProperty()));
        submit.disableProperty().bind(viewModel.submittingProperty().or(viewModel.headroom().blockedProperty()));
        // The dialog stays open while the factory answers; it closes only with a created workload.
        submit.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submit();
            validation.revalidate();
            revealFirstError();
        });
        Button cancel = (Button) getDialogPane().lookupButton(cancelType);
        cancel.setId("submit-cancel");
        cancel.textProperty().bind(i18n.binding("workloads.submit.cancel"));

        setResultConverter(button -> viewModel.submittedProperty().get());
        viewModel.submittedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                setResult(now);
                close();
            }
        });
        setOnHidden(event -> viewModel.dispose());
        viewModel.start();
    }

    public SubmitFormViewModel viewModel() {
        return viewModel;
    }

    /**
     * Shows the presets line in the header: choose a preset, save the form as one, delete one.
     *
     * @param askName asks for a new preset's name (null when cancelled); null for a text input dialog
     */
    public void enablePresets(PresetsViewModel presets, Function<Window, String> askName) {
        if (getDialogPane().getHeader() instanceof VBox box) {
            box.getChildren().add(new PresetBar(presets, i18n, askName));
        }
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(i18n.text(() -> viewModel.app().summary().name().in(i18n.locale())));
        title.getStyleClass().add(Styles.TITLE_3);
        Label version = new Label();
        version.textProperty().bind(i18n.binding("workloads.submit.version", viewModel.version().version()));
        version.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(2, title, version);
        box.getStyleClass().add("submit-header");
        return box;
    }

    private Node content() {
        form = new GridPane();
        form.getStyleClass().add("submit-form");
        form.setHgap(10);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setPrefWidth(190);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setMinWidth(220);
        form.getColumnConstraints().setAll(labels, inputs);

        section(form, "workloads.submit.section.run");
        TextField name = new TextField();
        name.setId("submit-name");
        name.promptTextProperty().bind(i18n.binding("workloads.submit.namePrompt"));
        name.setPrefColumnCount(28);
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        formRow(form, i18n.binding("workloads.submit.name"), name, null, SubmitFormViewModel.NAME, null);

        ChoiceBox<Me.Project> project = new ChoiceBox<>();
        project.setId("submit-project");
        project.getItems().setAll(viewModel.projects());
        project.setConverter(converter(p -> p == null ? "" : p.name()));
        project.valueProperty().bindBidirectional(viewModel.projectProperty());
        formRow(form, i18n.binding("workloads.submit.project"), project, null, SubmitFormViewModel.PROJECT, null);

        ComboBox<String> plan = new ComboBox<>();
        plan.setId("submit-plan");
        plan.getItems().setAll(viewModel.planIds());
        plan.setConverter(converter(this::planText));
        plan.valueProperty().bindBidirectional(viewModel.planProperty());
        plan.setMaxWidth(Double.MAX_VALUE);
        plan.setButtonCell(planCell());
        viewModel.plans().addListener((javafx.collections.MapChangeListener<String, ResourcePlan>) change -> {
            plan.setConverter(converter(this::planText));
            plan.setButtonCell(planCell());
        });
        i18n.onSwitch(plan, () -> {
            plan.setConverter(converter(this::planText));
            plan.setButtonCell(planCell());
        });
        formRow(form, i18n.binding("workloads.submit.plan"), plan, null, SubmitFormViewModel.PLAN, null);

        ChoiceBox<eu.aifactory.api.workload.Priority> priority = new ChoiceBox<>();
        priority.setId("submit-priority");
        priority.getItems().setAll(eu.aifactory.api.workload.Priority.values());
        priority.setConverter(converter(p -> WorkloadFormats.priority(p, i18n)));
        i18n.onSwitch(priority, () -> priority.setConverter(converter(p -> WorkloadFormats.priority(p, i18n))));
        priority.valueProperty().bindBidirectional(viewModel.priorityProperty());
        formRow(form, i18n.binding("workloads.submit.priority"), priority, i18n.binding("workloads.submit.priorityHelp"),
                SubmitFormViewModel.PRIORITY, null);

        if (!viewModel.fields().isEmpty()) {
            section(form, "workloads.submit.section.parameters");
        }
        for (ParameterField field : viewModel.fields()) {
            Control control = control(field);
            String required = field.spec().required() ? " *" : "";
            formRow(form, i18n.text(() -> field.label(i18n.locale()) + required), control,
                    i18n.text(() -> field.help(i18n.locale())), null, field);
        }
        if (!viewModel.inputSlots().isEmpty()) {
            section(form, "workloads.submit.section.inputs");
            for (InputSlotViewModel slot : viewModel.inputSlots()) {
                InputSlotPane pane = new InputSlotPane(slot, i18n, chooseFile);
                inputPanes.put(slot.name(), pane);
                String required = slot.slot().required() ? " *" : "";
                ObservableValue<String> help = i18n.text(() -> slotHelp(slot));
                formRow(form, i18n.text(() -> slot.title() + required), pane, help, null, null);
            }
            Label note = new Label();
            note.textProperty().bind(i18n.binding("workloads.input.note"));
            note.setWrapText(true);
            note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            form.add(note, 1, row++);
        }

        scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("submit-scroll");
        HBox.setHgrow(scroll, Priority.ALWAYS);

        Label message = new Label();
        message.setId("submit-message");
        message.setWrapText(true);
        message.getStyleClass().add("submit-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        message.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));

        // On a short window the estimate scrolls too, so the budget line below stays in the dialog.
        ScrollPane estimateScroll = new ScrollPane(estimatePanel());
        estimateScroll.setFitToWidth(true);
        estimateScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        estimateScroll.setMinWidth(Region.USE_PREF_SIZE);
        estimateScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        HBox body = new HBox(16, scroll, estimateScroll);
        body.setMinHeight(0);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox root = new VBox(10, body, new HeadroomPanel(viewModel.headroom(), i18n), message);
        root.setPadding(new Insets(4, 0, 0, 0));
        return root;
    }

    private void section(GridPane form, String key) {
        Label title = new Label();
        title.textProperty().bind(i18n.binding(key));
        title.getStyleClass().add("submit-section");
        GridPane.setColumnSpan(title, 2);
        if (row > 0) {
            Separator separator = new Separator();
            GridPane.setColumnSpan(separator, 2);
            form.add(separator, 0, row++);
        }
        form.add(title, 0, row++);
    }

    private void formRow(GridPane form, ObservableValue<String> labelText, Node control, ObservableValue<String> help,
                         String formKey, ParameterField field) {
        Label label = new Label();
        label.textProperty().bind(labelText);
        label.setLabelFor(control);
        label.setWrapText(true);
        WholeWords.keep(label);
        label.getStyleClass().add("submit-label");
        boolean helped = help != null && help.getValue() != null && !help.getValue().isBlank();
        if (helped) {
            FontIcon icon = new FontIcon(Material2OutlinedAL.HELP_OUTLINE);
            icon.getStyleClass().add("help-icon");
            label.setGraphic(icon);
            label.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            Tooltip tooltip = new Tooltip();
            tooltip.textProperty().bind(help);
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(360);
            label.setTooltip(tooltip);
            if (control instanceof Control c) {
                c.setTooltip(tooltip);
            }
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));

        VBox cell = new VBox(2);
        HBox line = new HBox(8, control);
        line.setAlignment(Pos.CENTER_LEFT);
        if (field != null) {
            String unit = field.spec().unit();
            if (unit != null && !unit.isBlank()) {
                Label unitLabel = new Label(unit);
                unitLabel.setId("unit-" + field.name());
                unitLabel.getStyleClass().add("unit-label");
                line.getChildren().add(unitLabel);
            }
            if (field.rangeText(i18n.locale()) != null) {
                Label rangeLabel = new Label();
                rangeLabel.textProperty().bind(i18n.text(() -> field.rangeText(i18n.locale())));
                rangeLabel.setId("range-" + field.name());
                rangeLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                line.getChildren().add(rangeLabel);
            }
        }
        cell.getChildren().add(line);
        if (helped) {
            Label helpText = new Label();
            helpText.textProperty().bind(help);
            helpText.setWrapText(true);
            helpText.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "help-text");
            cell.getChildren().add(helpText);
        }
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("field-error");
        if (field != null) {
            error.setId("error-" + field.name());
            error.textProperty().bind(field.errorProperty());
            field.errorProperty().addListener((obs, old, now) -> revalidate(control));
            if (control instanceof Control c) {
                validation.registerValidator(c, false, (Control target, Object value) ->
                        ValidationResult.fromErrorIf(target, field.error(), field.error() != null));
            }
        } else if (formKey != null) {
            if (control instanceof Control c) {
                formControls.put(formKey, c);
            }
            error.setId("error-" + formKey);
            error.textProperty().bind(Bindings.valueAt(viewModel.formErrors(), formKey));
            viewModel.formErrors().addListener((javafx.collections.MapChangeListener<String, String>) change -> {
                if (formKey.equals(change.getKey())) {
                    revalidate(control);
                }
            });
            if (control instanceof Control c) {
                validation.registerValidator(c, false, (Control target, Object value) -> {
                    String problem = viewModel.formErrors().get(formKey);
                    return ValidationResult.fromErrorIf(target, problem, problem != null);
                });
            }
        }
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        cell.getChildren().add(error);

        form.add(label, 0, row);
        form.add(cell, 1, row++);
    }

    /** Puts the first field with a problem in sight and gives it the keyboard. */
    private void revealFirstError() {
        Control first = null;
        for (String key : List.of(SubmitFormViewModel.NAME, SubmitFormViewModel.PROJECT, SubmitFormViewModel.PLAN,
                SubmitFormViewModel.PRIORITY)) {
            if (first == null && viewModel.formErrors().containsKey(key)) {
                first = formControls.get(key);
            }
        }
        for (ParameterField field : viewModel.fields()) {
            if (first == null && field.error() != null) {
                first = controls.get(field.name());
            }
        }
        if (first == null) {
            return;
        }
        first.requestFocus();
        form.applyCss();
        form.layout();
        Bounds bounds = form.sceneToLocal(first.localToScene(first.getBoundsInLocal()));
        double overflow = form.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (bounds != null && overflow > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, (bounds.getMinY() - 48) / overflow)));
        }
    }

    private void revalidate(Node control) {
        if (control instanceof Control c && validation.getRegisteredControls().contains(c)) {
            validation.revalidate(c);
        }
    }

    /** The control for a parameter type: text field, spinner, check box or choice box. */
    private Control control(ParameterField field) {
        Control control = switch (field.kind()) {
            case TEXT -> {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(field.textProperty());
                text.setPromptText(PatternExample.text(field.spec().pattern(), i18n));
                text.setPrefColumnCount(18);
                yield text;
            }
            case INTEGER, NUMBER -> {
                DecimalSpinnerFactory factory = new DecimalSpinnerFactory(field.spec().minimum(), field.spec().maximum(),
                        field.kind() == ParameterField.Kind.INTEGER, i18n.locale());
                BigDecimal initial = NumberText.parse(field.textProperty().get(), i18n.locale());
                factory.setValue(initial);
                Spinner<BigDecimal> spinner = new Spinner<>(factory);
                spinner.setEditable(true);
                spinner.getEditor().textProperty().bindBidirectional(field.textProperty());
                spinner.setPrefWidth(170);
                yield spinner;
            }
            case CHECK -> {
                CheckBox check = new CheckBox();
                check.textProperty().bind(i18n.binding("workloads.submit.enabled"));
                check.selectedProperty().bindBidirectional(field.checkedProperty());
                yield check;
            }
            case CHOICE -> {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.getItems().setAll(field.choices());
                choice.valueProperty().bindBidirectional(field.choiceProperty());
                yield choice;
            }
        };
        control.setId("param-" + field.name());
        controls.put(field.name(), control);
        return control;
    }

    private Path showFileChooser(Window window) {
        FileChooser chooser = new FileChooser();
        chooser.titleProperty().bind(i18n.binding("workloads.input.uploadTitle"));
        return FileChoosers.showOpen(chooser, window);
    }

    /** An input's description and the file types it reads, in the current language; null when there is neither. */
    private String slotHelp(InputSlotViewModel slot) {
        String description = slot.slot().description() == null ? null : slot.slot().description().in(i18n.locale());
        String types = slot.acceptedTypes() == null ? null : i18n.get("workloads.input.types", slot.acceptedTypes());
        return description == null ? types : types == null ? description : description + " " + types;
    }

    /** The controls of an input slot, for tests. */
    public Node inputPane(String slotName) {
        return inputPanes.get(slotName);
    }

    /** The control generated for a parameter, for tests. */
    public Control control(String parameterName) {
        return controls.get(parameterName);
    }

    private Node estimatePanel() {
        Label title = new Label();
        title.textProperty().bind(i18n.binding("workloads.estimate.title"));
        title.getStyleClass().add("estimate-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int r = 0;
        r = estimateRow(grid, r, "estimate-cost", "workloads.estimate.cost",
                e -> Formats.eur(e.costEur(), i18n.locale()));
        r = estimateRow(grid, r, "estimate-gpuHours", "workloads.estimate.gpuHours",
                e -> i18n.get("workloads.value.gpuHours", Formats.number(e.gpuHours(), 1, i18n.locale())));
        r = estimateRow(grid, r, "estimate-energy", "workloads.estimate.energy",
                e -> Formats.kwh(e.energyKwh(), i18n.locale()));
        r = estimateRow(grid, r, "estimate-co2Location", "workloads.estimate.co2Location",
                e -> Formats.kgCo2e(e.co2eKgLocationBased(), i18n.locale()));
        r = estimateRow(grid, r, "estimate-co2Market", "workloads.estimate.co2Market",
                e -> Formats.kgCo2e(e.co2eKgMarketBased(), i18n.locale()));
        r = estimateRow(grid, r, "estimate-runtime", "workloads.estimate.runtime",
                e -> WorkloadFormats.duration(Duration.ofSeconds(e.expectedRuntimeSeconds()), i18n));
        estimateRow(grid, r, "estimate-wait", "workloads.estimate.wait",
                e -> WorkloadFormats.duration(Duration.ofSeconds(e.expectedQueueWaitSeconds()), i18n));
        grid.visibleProperty().bind(viewModel.estimateProperty().isNotNull());

        Label status = new Label();
        status.setId("estimate-status");
        status.setWrapText(true);
        status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.estimatingProperty().get()) {
                return i18n.get("workloads.estimate.updating");
            }
            if (viewModel.estimateMessageProperty().get() != null) {
                return viewModel.estimateMessageProperty().get();
            }
            Estimate e = viewModel.estimateProperty().get();
            return e == null ? "" : i18n.get("workloads.estimate.methodology", e.methodologyVersion());
        }, viewModel.estimatingProperty(), viewModel.estimateMessageProperty(), viewModel.estimateProperty(),
                i18n.localeProperty()));

        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox panel = new VBox(10, title, grid, status);
        panel.setId("estimate-panel");
        panel.getStyleClass().add("estimate-panel");
        panel.setMinWidth(260);
        panel.setPrefWidth(280);
        return panel;
    }

    private int estimateRow(GridPane grid, int r, String id, String key,
                            java.util.function.Function<Estimate, String> text) {
        Label name = new Label();
        name.textProperty().bind(i18n.binding(key));
        name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label value = new Label();
        value.setId(id);
        value.getStyleClass().add("estimate-value");
        value.textProperty().bind(Bindings.createStringBinding(() -> {
            Estimate e = viewModel.estimateProperty().get();
            return e == null ? "" : text.apply(e);
        }, viewModel.estimateProperty(), i18n.localeProperty()));
        grid.add(new VBox(0, name, value), 0, r);
        return r + 1;
    }

    /** A plan's line is long; where the form is narrow it shortens, and the whole line is one hover away. */
    private ListCell<String> planCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String planId, boolean empty) {
                super.updateItem(planId, empty);
                setText(empty || planId == null ? null : planText(planId));
                setTooltip(getText() == null ? null : new Tooltip(getText()));
            }
        };
    }

    private String planText(String planId) {
        if (planId == null) {
            return "";
        }
        ResourcePlan plan = viewModel.plans().get(planId);
        if (plan == null) {
            return planId;
        }
        return i18n.get("workloads.submit.planText", plan.name().in(i18n.locale()), plan.gpuCount(), plan.gpuModel(),
                Formats.eur(plan.eurPerHour(), i18n.locale()));
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choice boxes do not parse");
            }
        };
    }
}
