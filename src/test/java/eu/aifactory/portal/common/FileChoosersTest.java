package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChoosersTest {

    @TempDir
    Path dir;

    @Test
    void theNextDialogStartsInTheFolderOfTheFileChosenLast() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("Berichte"));
        ObservableMap<Object, Object> window = FXCollections.observableHashMap();

        Path chosen = FileChoosers.remember(reports.resolve("energie.pdf").toFile(), window);
        FileChooser next = new FileChooser();
        FileChoosers.startIn(next, window);

        assertThat(chosen).isEqualTo(reports.resolve("energie.pdf"));
        assertThat(next.getInitialDirectory()).isEqualTo(reports.toFile());
    }

    @Test
    void aCancelledDialogKeepsTheFolderAndAFolderGoneSinceIsNotOffered() throws IOException {
        Path gone = Files.createDirectories(dir.resolve("USB-Stick"));
        ObservableMap<Object, Object> window = FXCollections.observableHashMap();
        FileChoosers.remember(gone.resolve("log.txt").toFile(), window);

        assertThat(FileChoosers.remember(null, window)).isNull();
        FileChooser whileThere = new FileChooser();
        FileChoosers.startIn(whileThere, window);
        Files.delete(gone);
        FileChooser afterwards = new FileChooser();
        FileChoosers.startIn(afterwards, window);

        assertThat(whileThere.getInitialDirectory()).isEqualTo(gone.toFile());
        assertThat(afterwards.getInitialDirectory()).isNull();
    }

    @Test
    void theMainWindowStartsWithTheFolderOfTheLastRunAndHandsOnEveryNewOne() throws IOException {
        Path lastRun = Files.createDirectories(dir.resolve("last-run"));
        Path today = Files.createDirectories(dir.resolve("today"));
        ObservableMap<Object, Object> window = FXCollections.observableHashMap();
        List<String> saved = new ArrayList<>();

        FileChoosers.keepIn(window, lastRun.toString(), saved::add);
        FileChooser first = new FileChooser();
        FileChoosers.startIn(first, window);
        FileChoosers.remember(new File(today.toFile(), "usage.csv"), window);

        assertThat(first.getInitialDirectory()).isEqualTo(lastRun.toFile());
        assertThat(saved).containsExactly(today.toString());
    }
}
