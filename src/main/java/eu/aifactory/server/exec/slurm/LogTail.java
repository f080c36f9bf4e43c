package eu.aifactory.server.exec.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reads the lines a job appended to its stdout or stderr since the last read. */
final class LogTail {

    /** Reads at most this much per pass, so a job that floods its stdout cannot stall the engine. */
    private static final int MAX_READ = 1 << 20;

    /** New complete lines and the offset after them. */
    record Chunk(List<String> lines, long offset) {
    }

    private LogTail() {
    }

    /**
     * The lines after {@code offset}; a last line without its newline is left for the next read unless {@code toEnd}
     * (the job has ended, so nothing more will come).
     */
    static Chunk read(Path file, long offset, boolean toEnd) {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long available = channel.size() - offset;
            if (available <= 0) {
                return new Chunk(List.of(), offset);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(available, MAX_READ));
            int n;
            do {
                n = channel.read(buffer, offset + buffer.position());
            } while (n > 0 && buffer.hasRemaining());
            bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            toEnd = toEnd && available <= MAX_READ;
        } catch (NoSuchFileException e) {
            return new Chunk(List.of(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int end = bytes.length;
        if (!toEnd) {
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            if (lastNewline < 0) {
                // A line longer than one read is passed on in pieces rather than never.
                return bytes.length >= MAX_READ ? split(bytes, bytes.length, offset) : new Chunk(List.of(), offset);
            }
            end = lastNewline + 1;
        }
        return split(bytes, end, offset);
    }

    private static Chunk split(byte[] bytes, int end, long offset) {
        List<String> lines = new ArrayList<>();
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Chunk(lines, offset + end);
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
