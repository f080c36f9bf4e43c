package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.PageFactory;
import eu.aifactory.portal.common.Permissions;
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

    /** The page's factory, but only for a user whose roles allow the page: nobody builds a page they may not use. */
    public Optional<PageFactory> factory(String pageId, Permissions permissions) {
        return Destination.byPageId(pageId).allowedFor(permissions) ? factory(pageId) : Optional.empty();
    }
}
