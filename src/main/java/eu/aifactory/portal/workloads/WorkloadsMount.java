package eu.aifactory.portal.workloads;

import eu.aifactory.portal.catalog.CatalogPage;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageContext;
import eu.aifactory.portal.common.Permissions;
import eu.aifactory.portal.common.Session;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * Mounts the workloads feature in the shell: the Workloads page, and the catalog's "Submit workload" button. Keeps
 * one {@link WorkloadsFeature} per signed-in session and closes it when the session ends.
 */
public final class WorkloadsMount {

    private final BooleanSupplier notificationsEnabled;
    private final Path presetsDir;
    private WorkloadsFeature current;

    /**
     * @param session              the signed-in session, null while signed out
     * @param notificationsEnabled the Settings switch for desktop notifications, read at each event
     */
    public WorkloadsMount(ObservableValue<Session> session, BooleanSupplier notificationsEnabled) {
        this(session, notificationsEnabled, null);
    }

    /** @param presetsDir where users' submit presets are kept ({@code <data dir>/presets}); null: for this run only */
    public WorkloadsMount(ObservableValue<Session> session, BooleanSupplier notificationsEnabled, Path presetsDir) {
        this.notificationsEnabled = notificationsEnabled;
        this.presetsDir = presetsDir;
        session.addListener((obs, old, now) -> {
            if (current != null && current.session() != now) {
                current.close();
                current = null;
            }
        });
    }

    /** The Workloads page of the context's session. */
    public Page page(PageContext context) {
        return new WorkloadsPage(feature(context));
    }

    /** The catalog page with its "Submit workload" button opening the submit dialog. */
    public Page withSubmit(CatalogPage catalog, PageContext context) {
        WorkloadsFeature feature = feature(context);
        if (!Permissions.of(context.session().me()).canSubmit()) {
            catalog.catalogView().hideSubmit();
            return catalog;
        }
        catalog.catalogView().setOnSubmitRequested((app, version) ->
                feature.openSubmit(app, version, null, windowOf(catalog.view())));
        return catalog;
    }

    /** The feature of the current session, for tests. */
    public WorkloadsFeature current() {
        return current;
    }

    private WorkloadsFeature feature(PageContext context) {
        if (current == null || current.session() != context.session()) {
            if (current != null) {
                current.close();
            }
            WorkloadsFeature[] created = new WorkloadsFeature[1];
            current = new WorkloadsFeature(context, notificationsEnabled,
                    notice -> NotificationPopup.show(notice, context.i18n(), id -> created[0].showWorkload(id)), presetsDir);
            created[0] = current;
        }
        return current;
    }

    static Window windowOf(Node node) {
        return node == null || node.getScene() == null ? null : node.getScene().getWindow();
    }
}
