package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.PageFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which feature builds which page. The composition root registers the built features; a navigation entry with no
 * factory shows the "coming soon" page.
 */
public final class PageRegistry {

    private final Map<String, PageFactory> factories = new HashMap<>();

    /** Mounts a feature: {@code pages.register(Page.CATALOG, CatalogPage::new)}. */
    public PageRegistry register(String pageId, PageFactory factory) {
        Destination.byPageId(pageId);
        factories.put(pageId, factory);
        return this;
    }

    public Optional<PageFactory> factory(String pageId) {
        return Optional.ofNullable(factories.get(pageId));
    }
}
