package eu.aifactory.portal.admin;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.portal.common.Confirmation;
import eu.aifactory.portal.common.TableLayout;
import eu.aifactory.portal.i18n.I18n;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The Access requests tab of the Admin page: the operator's requests, newest first, pending ones highlighted; the
 * chosen request's justification and decision; for tenant admins a comment and Approve / Deny, each confirmed first.
 */
public final class AccessRequestsPane extends VBox {

    private final AccessRequestsViewModel viewModel;
    private final I18n i18n;
    private final TableView<AccessRequest> table = new TableView<>();

    public AccessRequestsPane(AccessRequestsViewModel viewModel, I18n i18n) {
        super(10);
        this.viewModel = Objects.requireNonNull(viewModel);
        this.i18n = Objects.requireNonNull(i18n);
        setId("accessRequestsPane");
        setPadding(new javafx.geometry.Insets(10, 0, 0, 0));

        Label intro = new Label();
        intro.setId("accessIntro");
        intro.setWrapText(true);
        intro.textProperty().bind(i18n.binding(viewModel.canDecide() ? "access.intro.admin" : "access.intro.readOnly"));

        table.setId("accessRequests");
        table.setPlaceholder(i18n.label("access.empty"));
        table.setItems(viewModel.requests());
        table.getStyleClass().add(Styles.DENSE);
        i18n.onSwitch(table, table::refresh);
        table.getColumns().setAll(List.of(
                column("access.col.state", viewModel::state, 110),
                TableLayout.freeText(column("access.col.accessor", viewModel::accessor, 240)),
                TableLayout.freeText(column("access.col.resource", viewModel::resource, 280)),
                column("access.col.reason", viewModel::reason, 170),
                column("access.col.duration", viewModel::duration, 90),
                column("access.col.deadline", viewModel::deadline, 150)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AccessRequest item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("pending"),
                        !empty && item != null && item.state() == AccessRequestState.PENDING);
            }
        });
        TableLayout.readable(table);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(intro, table, detail(), status());
    }

    private VBox detail() {
        Label who = new Label();
        who.setId("accessWho");
        who.setWrapText(true);
        who.getStyleClass().add(Styles.TEXT_BOLD);
        Label justification = new Label();
        justification.setId("accessJustification");
        justification.setWrapText(true);
        Label decision = new Label();
        decision.setId("accessDecision");
        decision.setWrapText(true);
        decision.getStyleClass().add(Styles.TEXT_MUTED);
        var selected = table.getSelectionModel().selectedItemProperty();
        justification.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null
                ? i18n.get("access.choose") : i18n.get("access.justification", selected.get().justification(),
                selected.get().caseId()), selected, i18n.localeProperty()));
        decision.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? ""
                : viewModel.decision(selected.get()), selected, i18n.localeProperty()));
        who.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? ""
                : viewModel.who(selected.get()), selected, i18n.localeProperty()));
        who.visibleProperty().bind(selected.isNotNull());
        who.managedProperty().bind(who.visibleProperty());

        VBox box = new VBox(6, who, justification, decision);
        box.getStyleClass().add("access-detail");
        if (!viewModel.canDecide()) {
            return box;
        }
        TextField comment = new TextField();
        comment.setId("accessComment");
        comment.promptTextProperty().bind(i18n.binding("access.comment.prompt"));
        HBox.setHgrow(comment, Priority.ALWAYS);
        Label commentError = new Label();
        commentError.setId("accessCommentError");
        commentError.getStyleClass().add(Styles.DANGER);
        commentError.textProperty().bind(viewModel.commentErrorProperty());
        commentError.visibleProperty().bind(viewModel.commentErrorProperty().isNotEmpty());
        commentError.managedProperty().bind(commentError.visibleProperty());

        Button approve = new Button();
        approve.setId("accessApprove");
        approve.textProperty().bind(i18n.binding("access.approve"));
        approve.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE_OUTLINE));
        approve.getStyleClass().add(Styles.SUCCESS);
        Button deny = new Button();
        deny.setId("accessDeny");
        deny.textProperty().bind(i18n.binding("access.deny"));
        deny.setGraphic(new FontIcon(Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE));
        deny.getStyleClass().add(Styles.DANGER);
        var notDecidable = Bindings.createBooleanBinding(() -> !viewModel.decidable(selected.get()), selected)
                .or(viewModel.busyProperty());
        approve.disableProperty().bind(notDecidable);
        deny.disableProperty().bind(notDecidable);
        comment.disableProperty().bind(notDecidable);
        approve.setOnAction(e -> {
            AccessRequest request = selected.get();
            confirm("access.approve", i18n.get("access.approveConfirm", request.accessorName(), request.employer(),
                    viewModel.resource(request), viewModel.duration(request)), () -> {
                viewModel.approve(request, comment.getText());
                comment.clear();
            });
        });
        deny.setOnAction(e -> {
            AccessRequest request = selected.get();
            if (comment.getText() == null || comment.getText().isBlank()) {
                viewModel.deny(request, comment.getText());
                comment.requestFocus();
                return;
            }
            confirm("access.deny", i18n.get("access.denyConfirm", request.accessorName(), viewModel.resource(request)), () -> {
                viewModel.deny(request, comment.getText());
                comment.clear();
            });
        });
        HBox actions = new HBox(8, comment, approve, deny);
        actions.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(actions, commentError);
        return box;
    }

    /** What the last decision did, or why it was refused. */
    private VBox status() {
        Label error = new Label();
        error.setId("accessError");
        error.setWrapText(true);
        error.getStyleClass().addAll("admin-error", Styles.DANGER);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label info = new Label();
        info.setId("accessInfo");
        info.setWrapText(true);
        info.getStyleClass().addAll("admin-info", Styles.SUCCESS);
        info.textProperty().bind(viewModel.infoProperty());
        info.visibleProperty().bind(viewModel.infoProperty().isNotEmpty().and(error.visibleProperty().not()));
        info.managedProperty().bind(info.visibleProperty());
        return new VBox(4, error, info);
    }

    private void confirm(String actKey, String question, Runnable action) {
        Confirmation confirmation = new Confirmation(i18n, getScene() == null ? null : getScene().getWindow(),
                "admin.confirm.title", null, question, actKey, "access.keepPending");
        confirmation.alert().getDialogPane().setId("access-confirm");
        confirmation.show(action);
    }

    private TableColumn<AccessRequest, String> column(String key, Function<AccessRequest, String> text, double width) {
        TableColumn<AccessRequest, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
