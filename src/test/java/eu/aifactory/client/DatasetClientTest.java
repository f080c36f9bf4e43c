package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.dataset.Dataset;
import eu.aifactory.api.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetClientTest extends MockFactoryTest {

    private static final String DATASET = "{\"id\":\"ds-1\",\"projectId\":\"p1\",\"name\":\"lines.csv\","
            + "\"mediaType\":\"text/csv\",\"sizeBytes\":%d,\"sha256\":\"" + "a".repeat(64) + "\",\"siteId\":\"muc\","
            + "\"site\":\"Munich (Tucherpark), DE\",\"createdAt\":\"2026-11-25T10:00:00Z\"}";

    @TempDir
    Path dir;

    private final List<Long> progress = new CopyOnWriteArrayList<>();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return Files.write(dir.resolve("lines.csv"), bytes);
    }

    @Test
    void uploadStreamsTheFileAsMultipartAndReportsProgressUpToItsSize() throws Exception {
        Path file = file(300_000);
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                .setBody(String.format(DATASET, 300_000)));

        Dataset dataset = client.uploadDataset("p1", file, progress::add);

        assertThat(dataset.id()).isEqualTo("ds-1");
        assertThat(progress).first().isEqualTo(0L);
        assertThat(progress).last().isEqualTo(300_000L);
        assertThat(progress).isSorted();
        RecordedRequest request = next();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/datasets");
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = request.getBody().readString(StandardCharsets.UTF_8);
        assertThat(body).contains("name=\"projectId\"", "p1", "name=\"file\"; filename=\"lines.csv\"");
        assertThat(body).contains(Files.readString(file));
    }

    @Test
    void interruptingTheUploadCancelsItAndKeepsTheFlag() throws Exception {
        Path file = file(2_000_000);
        server.enqueue(new MockResponse().setResponseCode(201).setBody(String.format(DATASET, 2_000_000)));

        Throwable failure = catchThrowable(() -> client.uploadDataset("p1", file, sent -> {
            if (sent >= 128 * 1024) {
                Thread.currentThread().interrupt();
            }
        }));

        assertThat(Thread.interrupted()).as("the interrupt flag is kept for the caller").isTrue();
        assertThat(failure).isInstanceOf(CancellationException.class);
        RecordedRequest partial = server.takeRequest(5, TimeUnit.SECONDS);
        if (partial != null) {
            assertThat(partial.getBodySize()).as("the body stopped early").isLessThan(2_000_000L);
        }
    }

    @Test
    void aRefusalArrivesAsItsProblemAndIsNotRetried() throws Exception {
        Path file = file(1000);
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://aifactory.eu/problems/forbidden\",\"title\":\"Not allowed for your role\","
                        + "\"status\":403,\"detail\":\"Only engineers and tenant admins can upload datasets.\"}"));

        Throwable failure = catchThrowable(() -> client.uploadDataset("p1", file, null));

        assertThat(failure).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN);
            assertThat(e.problem().detail()).contains("upload datasets");
        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsUnreachableAndNotSentTwice() throws Exception {
        Path file = file(1000);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(201).setBody(String.format(DATASET, 1000)));

        Throwable failure = catchThrowable(() -> client.uploadDataset("p1", file, null));

        assertThat(failure).isInstanceOf(FactoryUnreachableException.class);
        assertThat(server.getRequestCount()).as("an upload is never repeated by the client").isEqualTo(1);
    }

    @Test
    void listingSendsProjectCursorAndLimit() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"items\":[" + String.format(DATASET, 5) + "],\"nextCursor\":\"c2\"}"));

        Page<Dataset> page = client.listDatasets("p1", "c1", 20);

        assertThat(page.items()).extracting(Dataset::name).containsExactly("lines.csv");
        assertThat(page.nextCursor()).isEqualTo("c2");
        assertThat(next().getPath()).isEqualTo("/v1/datasets?projectId=p1&limit=20&cursor=c1");
    }
}
