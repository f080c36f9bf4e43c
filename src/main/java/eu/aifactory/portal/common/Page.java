package eu.aifactory.portal.common;

import javafx.scene.Node;

/**
 * One page of the shell (Catalog, Workloads, ...). A page is created for a signed-in session the first time the
 * user opens it, kept while the session lasts and disposed on sign-out.
 */
public interface Page {

    String CATALOG = "catalog";
    String WORKLOADS = "workloads";
    String ENERGY = "energy";
    String RESIDENCY = "residency";
    String USAGE = "usage";
    String ADMIN = "admin";
    String SETTINGS = "settings";

    /** One of the ids above; the shell's navigation entry it belongs to. */
    String id();

    /** The page's root node; called once, on the FX thread. */
    Node view();

    /** The page became visible (first time and every time the user comes back). */
    default void onShow() {
    }

    /** Ctrl+K was pressed while this page is shown: move keyboard focus to the page's search field, if it has one. */
    default void focusSearch() {
    }

    /** The session ended: stop polling, cancel background work. */
    default void dispose() {
    }
}
