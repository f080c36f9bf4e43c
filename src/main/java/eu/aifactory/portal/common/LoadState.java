package eu.aifactory.portal.common;

import eu.aifactory.client.FactoryUnreachableException;

/**
 * What a page that loads from the factory has to show. Loading, empty, error and offline look different on every
 * page: "nothing in this period" is only said after the factory answered with nothing.
 */
public enum LoadState {
    /** The answer is not there yet. */
    LOADING,
    /** The factory answered with something to show. */
    READY,
    /** The factory answered, with nothing in it. */
    EMPTY,
    /** The factory answered with a refusal, or the answer could not be read. */
    ERROR,
    /** The factory could not be reached. */
    OFFLINE;

    /** OFFLINE when the factory was not reached, ERROR for every other failure. */
    public static LoadState ofFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FactoryUnreachableException) {
                return OFFLINE;
            }
        }
        return ERROR;
    }

    /** Whether the page has an answer to show (possibly an empty one). */
    public boolean answered() {
        return this == READY || this == EMPTY;
    }

    public boolean failed() {
        return this == ERROR || this == OFFLINE;
    }
}
