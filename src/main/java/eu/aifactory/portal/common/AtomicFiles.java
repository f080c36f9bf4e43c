package eu.aifactory.portal.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replacing a file so that readers see either the old or the new content, never half of it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes a file's new content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path path) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code content} writes: into a temporary file beside it first, then moved over
     * it, so a crash mid-write leaves the previous file. Creates the parent directories.
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            content.writeTo(temp);
            move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves {@code source} over {@code target} atomically where the file system can, else by a plain replace. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
