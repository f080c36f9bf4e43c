package eu.aifactory.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background and keeps what it saw. */
public final class SseReader implements AutoCloseable {

    /** Each reader blocks on its stream, so each gets its own thread: a shared pool would stall hundreds of them. */
    private static final Executor READERS = task -> {
        Thread t = new Thread(task, "sse-reader");
        t.setDaemon(true);
        t.start();
    };

    public record Event(String name, long id, JsonNode data) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private volatile String contentType = "";
    private volatile boolean ended;

    public SseReader(Api api, String token, Long lastEventId) {
        HttpRequest.Builder request = api.request("/v1/events", token, "Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        response = Api.client().sendAsync(request.timeout(java.time.Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            contentType = r.headers().firstValue("Content-Type").orElse("");
            String name = null;
            long id = 0;
            try (Stream<String> lines = r.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith(":")) {
                        comments.add(line.substring(1).trim());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).trim());
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name, id, Api.JSON.readTree(line.substring(5).trim())));
                    }
                }
                ended = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                // The stream was closed under us: the test is done with it.
            }
        }, READERS);
    }

    /** True once the factory ended the stream (the reader saw its end), not when this side closed it. */
    public boolean ended() {
        return ended;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public boolean connected() {
        return !comments.isEmpty();
    }

    public List<Event> eventsFor(String workloadId) {
        return events.stream().filter(e -> e.data().path("workloadId").asText().equals(workloadId)).toList();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
