package eu.aifactory.portal.common;

import javafx.stage.Window;

/**
 * Marks a window in which no desktop notification may pop up for a while: a guided tour shows every state change of
 * its run itself, and a notification at the window's corner would cover the tour's buttons.
 */
public final class QuietWindow {

    private static final String KEY = QuietWindow.class.getName();

    private QuietWindow() {
    }

    public static void set(Window window, boolean quiet) {
        if (quiet) {
            window.getProperties().put(KEY, Boolean.TRUE);
        } else {
            window.getProperties().remove(KEY);
        }
    }

    public static boolean isQuiet(Window window) {
        return Boolean.TRUE.equals(window.getProperties().get(KEY));
    }
}
