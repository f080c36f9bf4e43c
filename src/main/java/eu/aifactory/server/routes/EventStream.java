package eu.aifactory.server.routes;

import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.server.auth.Principal;
import eu.aifactory.server.exec.EventHub;
import eu.aifactory.server.store.WorkloadStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/events}: Server-Sent Events of the caller's visible workload changes. With {@code Last-Event-ID}
 * the stream first replays every later event from the database, then continues live; nothing falls between the
 * two because the subscription is registered before the replay and carries the hub's watermark.
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int REPLAY_PAGE = 500;

    private final Auth auth;
    private final EventHub hub;
    private final WorkloadStore store;
    private final long keepAliveMs;

    EventStream(Auth auth, EventHub hub, WorkloadStore store, long keepAliveMs) {
        this.auth = auth;
        this.hub = hub;
        this.store = store;
        this.keepAliveMs = keepAliveMs;
    }

    void stream(Context ctx) throws IOException {
        Principal principal = auth.require(ctx);
        String lastEventHeader = ctx.header("Last-Event-ID");
        Long lastEventId = null;
        if (lastEventHeader != null && !lastEventHeader.isBlank()) {
            if (!lastEventHeader.trim().matches("[0-9]{1,18}")) {
                throw ProblemException.validation("Last-Event-ID", "must be the id of an event (digits only)");
            }
            lastEventId = Long.parseLong(lastEventHeader.trim());
        }
        EventHub.Subscriber subscriber = hub.subscribe(new EventHub.Subscriber(principal.tenantId(),
                event -> principal.sees(event.projectId())));
        try {
            ctx.status(200);
            ctx.res().setContentType("text/event-stream");
            ctx.res().setCharacterEncoding("UTF-8");
            ctx.res().setHeader("Cache-Control", "no-cache");
            ctx.res().setHeader("X-Accel-Buffering", "no");
            OutputStream out = ctx.res().getOutputStream();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long sent = subscriber.startWatermark();
            // A client that has seen nothing yet (no header, or 0) starts with live events only.
            if (lastEventId != null && lastEventId > 0 && lastEventId < sent) {
                long after = lastEventId;
                while (after < sent) {
                    List<WorkloadStore.StoredEvent> page = store.events(principal.tenantId(), after, sent, REPLAY_PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    for (WorkloadStore.StoredEvent event : page) {
                        if (subscriber.visible(event)) {
                            write(out, event.event());
                        }
                        after = event.event().id();
                    }
                    out.flush();
                }
            } else if (lastEventId != null && lastEventId > sent) {
                sent = lastEventId;
            }
            while (!subscriber.isDead()) {
                WorkloadStore.StoredEvent event = subscriber.poll(keepAliveMs);
                if (event == null) {
                    if (subscriber.isDead()) {
                        break;
                    }
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (event.event().id() > sent) {
                    write(out, event.event());
                    sent = event.event().id();
                }
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("Event stream closed by the client: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.unsubscribe(subscriber);
        }
    }

    private static void write(OutputStream out, WorkloadEvent event) throws IOException {
        String frame = "event: workload\nid: " + event.id() + "\ndata: " + new String(Http.OUT.writeValueAsBytes(event),
                StandardCharsets.UTF_8) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
    }
}
