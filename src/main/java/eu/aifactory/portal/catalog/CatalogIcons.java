package eu.aifactory.portal.catalog;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** One icon per application category, so a tile's kind is recognisable before its name is read. */
final class CatalogIcons {

    private CatalogIcons() {
    }

    static Ikon category(String category) {
        if (category == null) {
            return Material2AL.APPS;
        }
        return switch (category) {
            case "quality-inspection" -> Material2AL.CENTER_FOCUS_STRONG;
            case "predictive-maintenance" -> Material2AL.BUILD;
            case "demand-forecasting" -> Material2MZ.TRENDING_UP;
            case "document-extraction" -> Material2AL.DESCRIPTION;
            case "llm-assistant" -> Material2AL.CHAT;
            case "cae-surrogate" -> Material2MZ.WAVES;
            case "process-optimization" -> Material2MZ.TUNE;
            case "energy-optimization" -> Material2AL.FLASH_ON;
            default -> Material2AL.APPS;
        };
    }
}
