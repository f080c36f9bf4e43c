package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.PageFactory;
import eu.aifactory.portal.common.Permissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which feature builds which page. The composition root registers the built features; a navigation entry with no
 * factory shows the "coming soon" page.
 */
public final class PageRegistry {

    private final Map<String, PageFactory> factories = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();

    /** Mounts a feature: {@code pages.register(Page.CATALOG, CatalogPage::new)}. */
    public PageRegistry register(String pageId, PageFactory factory) {
        Destination.byPageId(pageId);
        factories.put(pageId, factory);
        return this;
    }

    /** Leaves a page out of the navigation altogether (the kiosk's Settings). */
    public PageRegistry hide(String pageId) {
        Destination.byPageId(pageId);
        hidden.add(pageId);
        return this;
    }

    public boolean isHidden(String pageId) {
        return hidden.contains(pageId);
    }

    public Optional<PageFactory> factory(String pageId) {
        return Optional.ofNullable(factories.get(pageId));
    }

    /** The page's factory, but only for a user whose roles allow the page: nobody builds a page they may not use. */
    public Optional<PageFactory> factory(String pageId, Permissions permissions) {
        return Destination.byPageId(pageId).allowedFor(permissions) && !isHidden(pageId) ? factory(pageId)
                : Optional.empty();
    }
}
