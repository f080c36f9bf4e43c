package eu.aifactory.portal.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens file choosers in the folder the user last picked a file in, not in the process's working directory. The folder
 * is kept in the main window's properties, so every page and dialog owned by that window shares it; the main window
 * saves it with the settings, so it survives a restart.
 */
public final class FileChoosers {

    static final String LAST_FOLDER = "eu.aifactory.portal.lastFolder";

    private FileChoosers() {
    }

    /** Shows a save dialog starting in the last folder; remembers the chosen file's folder. Null if cancelled. */
    public static Path showSave(FileChooser chooser, Window owner) {
        Map<Object, Object> properties = properties(owner);
        startIn(chooser, properties);
        return remember(chooser.showSaveDialog(owner), properties);
    }

    /** Shows an open dialog starting in the last folder; remembers the chosen file's folder. Null if cancelled. */
    public static Path showOpen(FileChooser chooser, Window owner) {
        Map<Object, Object> properties = properties(owner);
        startIn(chooser, properties);
        return remember(chooser.showOpenDialog(owner), properties);
    }

    /**
     * Gives a main window's properties the folder remembered from the last run ({@code initial}, may be null) and
     * hands every folder chosen later to {@code save}.
     */
    public static void keepIn(ObservableMap<Object, Object> properties, String initial, Consumer<String> save) {
        if (initial != null) {
            properties.put(LAST_FOLDER, initial);
        }
        properties.addListener((MapChangeListener<Object, Object>) change -> {
            if (LAST_FOLDER.equals(change.getKey()) && change.wasAdded()) {
                save.accept((String) change.getValueAdded());
            }
        });
    }

    static void startIn(FileChooser chooser, Map<Object, Object> properties) {
        if (properties != null && properties.get(LAST_FOLDER) instanceof String folder
                && Files.isDirectory(Path.of(folder))) {
            chooser.setInitialDirectory(new File(folder));
        }
    }

    static Path remember(File chosen, Map<Object, Object> properties) {
        if (chosen == null) {
            return null;
        }
        Path path = chosen.toPath().toAbsolutePath();
        if (properties != null && path.getParent() != null) {
            properties.put(LAST_FOLDER, path.getParent().toString());
        }
        return path;
    }

    /** The properties of the window at the top of {@code owner}'s chain (a dialog's main window), or null. */
    private static Map<Object, Object> properties(Window owner) {
        Window top = owner;
        while (top instanceof Stage stage && stage.getOwner() != null) {
            top = stage.getOwner();
        }
        return top == null ? null : top.getProperties();
    }
}
