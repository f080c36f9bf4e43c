package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.portal.testing.DirectTaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExportTest {

    private final DirectTaskExecutor executor = new DirectTaskExecutor();

    @Test
    void aCompleteExportReplacesTheTargetAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "old");
        FileExport export = new FileExport(executor);

        export.start(target, (out, progress) -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(export.resultProperty().get().ok()).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anExportGetsTheSameModeAsADownloadOrAnyOtherNewFile(@TempDir Path dir) throws IOException {
        Path download = Files.write(dir.resolve("artifact.bin"), new byte[1]);
        Path target = dir.resolve("energy.pdf");

        new FileExport(executor).start(target, (out, progress) -> out.write(1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(download)));
    }

    @Test
    void aCancelArrivingAsTheContentIsCompleteMovesNothing(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("x.csv");

        assertThatThrownBy(() -> FileExport.write(target, (out, progress) -> out.write(new byte[10]), fraction -> { },
                () -> false)).isInstanceOf(FileExport.Cancelled.class);

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewExportCancelsTheRunningOneWhoseLateAnswerChangesNothing(@TempDir Path dir) throws IOException {
        FileExport export = new FileExport(executor);
        executor.holdWork();
        export.start(dir.resolve("first.csv"), (out, progress) -> out.write(1));
        export.start(dir.resolve("second.csv"), (out, progress) -> out.write(2));

        executor.runHeldWork();

        assertThat(export.resultProperty().get().file()).isEqualTo(dir.resolve("second.csv"));
        assertThat(export.resultProperty().get().ok()).isTrue();
        assertThat(dir.resolve("first.csv")).doesNotExist();
    }
}
