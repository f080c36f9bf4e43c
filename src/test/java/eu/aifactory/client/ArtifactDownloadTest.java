package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactDownloadTest {

    private static final int SIZE = 200_000;

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<Long> progress = new CopyOnWriteArrayList<>();
    private final byte[] content = content();
    private HttpFactoryClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).build());
    }

    @AfterEach
    void stop() throws IOException {
        Thread.interrupted();
        client.close();
        server.shutdown();
    }

    private static byte[] content() {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = (byte) (i * 31 + i / 7);
        }
        return bytes;
    }

    private static MockResponse bytes(int status, byte[] body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/octet-stream")
                .setBody(new Buffer().write(body));
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void downloadsToTargetThroughAPartFileAndReportsProgress() throws Exception {
        server.enqueue(bytes(200, content));
        Path target = dir.resolve("model.onnx");

        long size = client.downloadArtifact("ar-1", target, progress::add);

        assertThat(size).isEqualTo(SIZE);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(dir.resolve("model.onnx.part")).doesNotExist();
        assertThat(progress).first().isEqualTo(0L);
        assertThat(progress).last().isEqualTo((long) SIZE);
        assertThat(progress).isSorted();
        RecordedRequest request = next();
        assertThat(request.getPath()).isEqualTo("/v1/artifacts/ar-1/content");
        assertThat(request.getHeader("Range")).isNull();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    }

    @Test
    void resumesFromThePartFileWithARangeRequest() throws Exception {
        int kept = 70_001;
        Path target = dir.resolve("result.csv");
        Files.write(dir.resolve("result.csv.part"), Arrays.copyOf(content, kept));
        server.enqueue(bytes(206, Arrays.copyOfRange(content, kept, SIZE))
                .setHeader("Content-Range", "bytes " + kept + "-" + (SIZE - 1) + "/" + SIZE));

        long size = client.downloadArtifact("ar-1", target, progress::add);

        assertThat(next().getHeader("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(size).isEqualTo(SIZE);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress).first().isEqualTo((long) kept);
        assertThat(dir.resolve("result.csv.part")).doesNotExist();
    }

    @Test
    void startsOverWhenTheServerIgnoresTheRange() throws Exception {
        Path target = dir.resolve("result.csv");
        Files.write(dir.resolve("result.csv.part"), new byte[] {1, 2, 3, 4, 5});
        server.enqueue(bytes(200, content));

        assertThat(client.downloadArtifact("ar-1", target, null)).isEqualTo(SIZE);

        assertThat(next().getHeader("Range")).isEqualTo("bytes=5-");
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void replacesAnExistingTarget() throws Exception {
        Path target = dir.resolve("result.csv");
        Files.writeString(target, "an older download");
        server.enqueue(bytes(200, content));

        client.downloadArtifact("ar-1", target, null);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void aDroppedTransferKeepsThePartFileForTheNextAttempt() throws Exception {
        Path target = dir.resolve("big.bin");
        server.enqueue(bytes(200, content).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        Throwable failure = catchThrowable(() -> client.downloadArtifact("ar-1", target, progress::add));

        assertThat(failure).isInstanceOf(FactoryUnreachableException.class);
        Path part = dir.resolve("big.bin.part");
        assertThat(target).doesNotExist();
        assertThat(part).exists();
        long kept = Files.size(part);
        assertThat(kept).isLessThan(SIZE);
        assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOf(content, (int) kept));

        next();
        server.enqueue(bytes(206, Arrays.copyOfRange(content, (int) kept, SIZE)));
        assertThat(client.downloadArtifact("ar-1", target, null)).isEqualTo(SIZE);
        assertThat(next().getHeader("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void stopsOnInterruptAndKeepsThePartFile() throws Exception {
        Path target = dir.resolve("big.bin");
        server.enqueue(bytes(200, content));

        Throwable failure = catchThrowable(() -> client.downloadArtifact("ar-1", target, bytes -> {
            if (bytes > 0) {
                Thread.currentThread().interrupt();
            }
        }));

        assertThat(Thread.interrupted()).as("the interrupt flag is kept for the caller").isTrue();
        assertThat(failure).isInstanceOf(CancellationException.class);
        assertThat(target).doesNotExist();
        Path part = dir.resolve("big.bin.part");
        assertThat(Files.size(part)).isPositive().isLessThan(SIZE);
        assertThat(Files.readAllBytes(part)).isEqualTo(Arrays.copyOf(content, (int) Files.size(part)));
    }

    @Test
    void finishesAPartFileThatWasAlreadyComplete() throws Exception {
        Path target = dir.resolve("done.bin");
        Files.write(dir.resolve("done.bin.part"), content);
        server.enqueue(new MockResponse().setResponseCode(416).setHeader("Content-Range", "bytes */" + SIZE));

        assertThat(client.downloadArtifact("ar-1", target, progress::add)).isEqualTo(SIZE);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress).containsExactly((long) SIZE);
    }

    @Test
    void restartsOnceWhenThePartFileIsLargerThanTheArtifact() throws Exception {
        Path target = dir.resolve("changed.bin");
        Files.write(dir.resolve("changed.bin.part"), new byte[SIZE + 10]);
        server.enqueue(new MockResponse().setResponseCode(416).setHeader("Content-Range", "bytes */" + SIZE));
        server.enqueue(bytes(200, content));

        assertThat(client.downloadArtifact("ar-1", target, null)).isEqualTo(SIZE);

        assertThat(next().getHeader("Range")).isEqualTo("bytes=" + (SIZE + 10) + "-");
        assertThat(next().getHeader("Range")).isNull();
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
    }

    @Test
    void anUnknownArtifactIsAProblemAndWritesNothing() {
        server.enqueue(Fixtures.problem(ProblemType.NOT_FOUND, "no artifact ar-9", List.of()));
        Path target = dir.resolve("x.bin");

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.downloadArtifact("ar-9", target, null));

        assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("x.bin.part")).doesNotExist();
    }
}
