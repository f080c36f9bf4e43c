package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.Permissions;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The shell's navigation entries, in order, each with who may open it. The entries a user may open are numbered
 * from 1 for their Ctrl shortcuts, so an engineer's Settings is Ctrl+5 and a tenant admin's is Ctrl+7.
 */
public enum Destination {
    CATALOG(Page.CATALOG, "nav.catalog", Material2OutlinedAL.APPS, p -> true),
    WORKLOADS(Page.WORKLOADS, "nav.workloads", Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE, p -> true),
    ENERGY(Page.ENERGY, "nav.energy", Material2OutlinedAL.ECO, p -> true),
    RESIDENCY(Page.RESIDENCY, "nav.residency", Material2OutlinedMZ.VERIFIED_USER, p -> true),
    USAGE(Page.USAGE, "nav.usage", Material2OutlinedAL.INSERT_CHART, Permissions::seesUsage),
    ADMIN(Page.ADMIN, "nav.admin", Material2OutlinedAL.ADMIN_PANEL_SETTINGS, Permissions::administers),
    SETTINGS(Page.SETTINGS, "nav.settings", Material2OutlinedMZ.SETTINGS, p -> true);

    private final String pageId;
    private final String labelKey;
    private final Ikon icon;
    private final Predicate<Permissions> allowed;

    Destination(String pageId, String labelKey, Ikon icon, Predicate<Permissions> allowed) {
        this.pageId = pageId;
        this.labelKey = labelKey;
        this.icon = icon;
        this.allowed = allowed;
    }

    public boolean allowedFor(Permissions permissions) {
        return allowed.test(permissions);
    }

    /** The entries these permissions may open, in navigation order. */
    public static List<Destination> allowedEntries(Permissions permissions) {
        return Arrays.stream(values()).filter(d -> d.allowedFor(permissions)).toList();
    }

    public String pageId() {
        return pageId;
    }

    public String labelKey() {
        return labelKey;
    }

    public Ikon icon() {
        return icon;
    }

    public static Destination byPageId(String pageId) {
        for (Destination destination : values()) {
            if (destination.pageId.equals(pageId)) {
                return destination;
            }
        }
        throw new IllegalArgumentException("no navigation entry for page " + pageId);
    }
}
