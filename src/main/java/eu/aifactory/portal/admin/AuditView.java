package eu.aifactory.portal.admin;

import atlantafx.base.theme.Styles;
import eu.aifactory.api.admin.UserAccount;
import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.portal.common.FileChoosers;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.common.SaveDialog;
import eu.aifactory.portal.common.TableLayout;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The Audit tab of the Admin page: who did what in the tenant, when, from where and how it ended, with filters,
 * "load more" for older entries and a CSV export of everything the filters match. People and objects by name.
 */
public final class AuditView extends VBox {

    private final AuditViewModel viewModel;
    private final I18n i18n;
    private final TableView<AuditEntry> table = new TableView<>();
    private final Label status = new Label();
    private SaveDialog saveDialog = this::chooseWithDialog;

    public AuditView(AuditViewModel viewModel, ObservableList<UserAccount> users, I18n i18n) {
        super(8);
        this.viewModel = viewModel;
        this.i18n = i18n;
        setId("adminAudit");
        setPadding(new Insets(10, 0, 0, 0));
        table.setId("auditTable");
        table.setPlaceholder(i18n.label("table.empty"));
        table.getStyleClass().add(Styles.DENSE);
        table.setItems(viewModel.entries());
        i18n.onSwitch(table, table::refresh);
        table.getColumns().setAll(List.of(
                column("audit.col.when", e -> Formats.dateTime(e.at(), i18n.locale()), 150),
                column("audit.col.who", AuditEntry::userName, 170),
                column("audit.col.action", e -> i18n.get("audit.action." + e.action().wire()), 190),
                column("audit.col.target", e -> e.targetName() != null ? e.targetName() : e.targetId(), 180),
                column("audit.col.outcome", this::outcome, 170),
                column("audit.col.address", AuditEntry::clientAddress, 120),
                column("audit.col.via", e -> AuditEntry.SSO.equals(e.tokenId()) ? i18n.get("audit.via.sso") : e.tokenId(), 140),
                column("audit.col.detail", AuditEntry::detail, 260)));
        TableLayout.readable(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(filters(users), table, footer());
    }

    /** Replaces the native file chooser (tests, and the flow tests' composition root). */
    public void setSaveDialog(SaveDialog dialog) {
        saveDialog = dialog == null ? this::chooseWithDialog : dialog;
    }

    private HBox filters(ObservableList<UserAccount> users) {
        ComboBox<AuditAction> action = choice("auditAction", "audit.filter.anyAction",
                new ArrayList<>(Arrays.asList(AuditAction.values())), a -> i18n.get("audit.action." + a.wire()));
        action.valueProperty().bindBidirectional(viewModel.actionProperty());
        ComboBox<UserAccount> user = new ComboBox<>();
        user.setId("auditUser");
        user.setPromptText(i18n.get("audit.filter.anyone"));
        refillUsers(user, users);
        users.addListener((ListChangeListener<UserAccount>) c -> refillUsers(user, users));
        user.setConverter(converter(u -> u == null ? i18n.get("audit.filter.anyone") : u.name()));
        user.valueProperty().addListener((obs, old, now) -> viewModel.userIdProperty().set(now == null ? null : now.id()));
        ComboBox<AuditOutcome> outcome = choice("auditOutcome", "audit.filter.anyOutcome",
                new ArrayList<>(Arrays.asList(AuditOutcome.values())), o -> i18n.get("audit.outcome." + o.wire()));
        outcome.valueProperty().bindBidirectional(viewModel.outcomeProperty());
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText(i18n.get("audit.filter.from"));
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText(i18n.get("audit.filter.to"));
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        for (DatePicker picker : List.of(from, to)) {
            picker.setPrefWidth(140);
        }
        Button clear = new Button();
        clear.setId("auditClear");
        clear.textProperty().bind(i18n.binding("audit.filter.clear"));
        clear.setOnAction(e -> {
            action.setValue(null);
            user.setValue(null);
            outcome.setValue(null);
            from.setValue(null);
            to.setValue(null);
        });
        Button refresh = new Button();
        refresh.setId("auditRefresh");
        refresh.textProperty().bind(i18n.binding("admin.refresh"));
        refresh.setOnAction(e -> viewModel.reload());
        HBox box = new HBox(8, action, user, outcome, from, to, clear, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox footer() {
        Button more = new Button();
        more.setId("auditLoadMore");
        more.textProperty().bind(i18n.binding("audit.loadMore"));
        more.disableProperty().bind(viewModel.moreProperty().not().or(viewModel.loadingProperty()));
        more.setOnAction(e -> viewModel.loadMore());
        Button export = new Button();
        export.setId("auditExportCsv");
        export.textProperty().bind(i18n.binding("audit.export.csv"));
        export.setGraphic(new FontIcon(Material2OutlinedAL.GET_APP));
        export.disableProperty().bind(viewModel.exportingProperty());
        export.setOnAction(e -> {
            Path target = saveDialog.choose(i18n.get("audit.export.title"), viewModel.suggestedCsvName());
            if (target != null) {
                viewModel.exportCsv(target);
            }
        });
        status.setId("auditStatus");
        status.setWrapText(true);
        viewModel.errorProperty().addListener((obs, old, now) -> showStatus());
        viewModel.exportResultProperty().addListener((obs, old, now) -> showStatus());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox box = new HBox(8, more, status, spring, export);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void showStatus() {
        String error = viewModel.errorProperty().get();
        FileExport.Result result = viewModel.exportResultProperty().get();
        status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        if (error != null) {
            status.setText(error);
            status.getStyleClass().add(Styles.DANGER);
        } else if (result != null && result.ok()) {
            status.setText(i18n.get("audit.export.done", result.file().getFileName()));
            status.getStyleClass().add(Styles.SUCCESS);
        } else if (result != null && result.error() != null) {
            status.setText(i18n.get("audit.export.failed", result.error()));
            status.getStyleClass().add(Styles.DANGER);
        } else {
            status.setText(null);
        }
    }

    private String outcome(AuditEntry e) {
        String text = i18n.get("audit.outcome." + e.outcome().wire());
        if (e.problemType() == null) {
            return text;
        }
        return text + " (" + e.problemType().substring(e.problemType().lastIndexOf('/') + 1) + ")";
    }

    private void refillUsers(ComboBox<UserAccount> box, ObservableList<UserAccount> users) {
        UserAccount selected = box.getValue();
        List<UserAccount> items = new ArrayList<>();
        items.add(null);
        items.addAll(users);
        box.getItems().setAll(items);
        box.setValue(selected);
    }

    private <T> ComboBox<T> choice(String id, String anyKey, List<T> values, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        List<T> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        box.getItems().setAll(items);
        box.setConverter(converter(v -> v == null ? i18n.get(anyKey) : text.apply(v)));
        box.setPromptText(i18n.get(anyKey));
        return box;
    }

    private TableColumn<AuditEntry, String> column(String key, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        if (width >= 170) {
            TableLayout.freeText(column);
        }
        return column;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T object) {
                return text.apply(object);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    private Path chooseWithDialog(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return FileChoosers.showSave(chooser, getScene() == null ? null : getScene().getWindow());
    }
}
