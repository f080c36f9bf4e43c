package eu.aifactory.portal.common;

import java.nio.file.Path;

/**
 * Asks where to save an export. Pages use the native file chooser unless one of these is given through the
 * composition root, as the headless flow tests do to supply paths.
 */
@FunctionalInterface
public interface SaveDialog {

    /**
     * @param title         the dialog's title, localized
     * @param suggestedName the file name offered, e.g. {@code residency-report.pdf}
     * @return the file to write, or null if the user cancelled
     */
    Path choose(String title, String suggestedName);
}
