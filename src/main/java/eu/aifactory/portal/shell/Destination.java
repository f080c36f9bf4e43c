package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.Page;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The shell's navigation entries, in order; Ctrl+1 to Ctrl+6 open them. */
public enum Destination {
    CATALOG(Page.CATALOG, "nav.catalog", Material2OutlinedAL.APPS),
    WORKLOADS(Page.WORKLOADS, "nav.workloads", Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE),
    ENERGY(Page.ENERGY, "nav.energy", Material2OutlinedAL.ECO),
    RESIDENCY(Page.RESIDENCY, "nav.residency", Material2OutlinedMZ.VERIFIED_USER),
    USAGE(Page.USAGE, "nav.usage", Material2OutlinedAL.INSERT_CHART),
    SETTINGS(Page.SETTINGS, "nav.settings", Material2OutlinedMZ.SETTINGS);

    private final String pageId;
    private final String labelKey;
    private final Ikon icon;

    Destination(String pageId, String labelKey, Ikon icon) {
        this.pageId = pageId;
        this.labelKey = labelKey;
        this.icon = icon;
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

    /** 1 for the first entry: the digit of its Ctrl shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
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
