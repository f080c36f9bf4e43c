package eu.aifactory.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A file sent as a request body straight from disk, 64 KiB at a time, reporting the bytes written so far. It stops
 * between chunks when the sending thread is interrupted; OkHttp then fails the call, which the client turns into a
 * {@link java.util.concurrent.CancellationException}.
 */
final class FileUploadBody extends RequestBody {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final MediaType type;
    private final long length;
    private final LongConsumer progress;

    FileUploadBody(Path file, MediaType type, LongConsumer progress) {
        this.file = file;
        this.type = type;
        this.progress = progress;
        try {
            this.length = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long sent = 0;
        progress.accept(0);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (sent < length) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("upload interrupted after " + sent + " bytes");
                }
                buffer.clear();
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException(file + " became shorter while it was being sent");
                }
                buffer.flip();
                sink.write(buffer);
                sent += n;
                progress.accept(sent);
            }
        }
        sink.flush();
    }
}
