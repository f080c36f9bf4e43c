package eu.aifactory.server.workload;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.workload.WorkloadEvent;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.Messages;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.Routes;
import eu.aifactory.server.tenant.Auth;
import eu.aifactory.server.tenant.Principal;
import eu.aifactory.server.tenant.TenantService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/events}: Server-Sent Events of the caller's visible workload changes. With {@code Last-Event-ID}
 * the stream first replays every later event of the tenant from the database, then continues live; nothing falls
 * between the two because the subscription is registered before the replay and carries the hub's watermark.
 *
 * <p>A stream holds no request thread: the request goes asynchronous and every write is non-blocking, driven by
 * whoever has something to say (the hub's dispatch thread with new events, its timer with a keep-alive, Jetty when
 * the socket drains). A user may hold {@link #MAX_PER_USER} streams, the factory {@code maxStreams}; a stream ends
 * when its token is revoked or its user disabled or changed, told directly by the admin routes and re-checked every
 * {@link #CREDENTIAL_CHECK_MS} for changes made elsewhere (another factory instance on the same database).
 */
public final class EventStream implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MAX_PER_USER = 8;
    static final long CREDENTIAL_CHECK_MS = 5_000;
    /** A user's slot frees when one of their streams ends; a dead connection is noticed at the next keep-alive. */
    static final int USER_RETRY_AFTER_S = 15;
    static final int FULL_RETRY_AFTER_S = 30;
    private static final int PAGE = 500;
    private static final int TOKEN_CHECK_CHUNK = 500;
    private static final byte[] CONNECTED = ": connected\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final Auth auth;
    private final EventHub hub;
    private final WorkloadQueries queries;
    private final TenantService tenants;
    private final int maxStreams;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    /** Open streams per user; guarded by {@code this}, with {@link #total}. */
    private final Map<String, Integer> perUser = new HashMap<>();
    private int total;

    public EventStream(Auth auth, EventHub hub, WorkloadQueries queries, TenantService tenants, long keepAliveMs, int maxStreams) {
        this.auth = auth;
        this.hub = hub;
        this.queries = queries;
        this.tenants = tenants;
        this.maxStreams = maxStreams;
        hub.repeat(keepAliveMs, this::keepAlive);
        hub.repeat(CREDENTIAL_CHECK_MS, this::recheckCredentials);
    }

    @Override
    public void register(Javalin app) {
        app.get("/v1/events", this::stream);
    }

    void stream(Context ctx) {
        Principal principal = auth.require(ctx);
        long lastEventId = 0;
        String lastEventHeader = ctx.header("Last-Event-ID");
        if (lastEventHeader != null && !lastEventHeader.isBlank()) {
            if (!lastEventHeader.trim().matches("[0-9]{1,18}")) {
                throw ProblemException.validation("Last-Event-ID", "field.lastEventId");
            }
            lastEventId = Long.parseLong(lastEventHeader.trim());
        }
        Connection connection = new Connection(principal, auth.tokenHash(ctx), lastEventId,
                Messages.negotiate(ctx.header("Accept-Language")));
        admit(ctx, connection);
        try {
            connection.subscriber = hub.subscribe(new EventHub.Subscriber(principal.tenantId(),
                    event -> principal.sees(event.projectId()), connection::pump));
            ctx.status(200);
            ctx.res().setContentType("text/event-stream");
            ctx.res().setCharacterEncoding("UTF-8");
            ctx.res().setHeader("Cache-Control", "no-store");
            ctx.res().setHeader("X-Accel-Buffering", "no");
            ctx.future(() -> connection.start(ctx));
        } catch (RuntimeException e) {
            connection.finish();
            throw e;
        }
    }

    /** Ends the streams opened with this token (it was revoked). */
    public void closeToken(String tokenHash) {
        open.stream().filter(c -> c.tokenHash.equals(tokenHash)).forEach(Connection::revoke);
    }

    /** Ends the user's streams (disabled, or new roles or projects the client should reconnect under). */
    public void closeUser(String userId) {
        open.stream().filter(c -> c.userId.equals(userId)).forEach(Connection::revoke);
    }

    private synchronized void admit(Context ctx, Connection connection) {
        int mine = perUser.getOrDefault(connection.userId, 0);
        if (mine >= MAX_PER_USER) {
            ctx.header("Retry-After", Integer.toString(USER_RETRY_AFTER_S));
            throw new ProblemException(ProblemType.TOO_MANY_STREAMS, "problem.streams.perUser", mine);
        }
        if (total >= maxStreams) {
            ctx.header("Retry-After", Integer.toString(FULL_RETRY_AFTER_S));
            throw new ProblemException(ProblemType.STREAMS_AT_CAPACITY, "problem.streams.capacity");
        }
        perUser.put(connection.userId, mine + 1);
        total++;
        open.add(connection);
    }

    private synchronized void release(Connection connection) {
        if (open.remove(connection)) {
            total--;
            perUser.computeIfPresent(connection.userId, (user, n) -> n > 1 ? n - 1 : null);
        }
    }

    private void keepAlive() {
        for (Connection c : open) {
            c.keepAlive();
        }
    }

    /** The safety net behind the admin routes' direct notice: tokens revoked or users disabled from elsewhere. */
    private void recheckCredentials() {
        List<String> hashes = open.stream().map(c -> c.tokenHash).distinct().toList();
        Set<String> live = new HashSet<>();
        for (int from = 0; from < hashes.size(); from += TOKEN_CHECK_CHUNK) {
            live.addAll(tenants.liveTokenHashes(hashes.subList(from, Math.min(hashes.size(), from + TOKEN_CHECK_CHUNK))));
        }
        open.stream().filter(c -> !live.contains(c.tokenHash)).forEach(Connection::revoke);
    }

    /** One open stream. Its state is guarded by the connection itself; the end is decided once. */
    private final class Connection implements WriteListener, AsyncListener {
        private final Principal principal;
        private final String userId;
        private final String tokenHash;
        private final Locale language;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private final List<StoredEvent> batch = new ArrayList<>();
        private volatile EventHub.Subscriber subscriber;
        private volatile boolean revoked;
        private ServletOutputStream out;
        private boolean greeted;
        private boolean unflushed;
        private boolean keepAliveDue;
        private boolean replaying;
        /** The tenant sequence number of the last event this stream has passed (sent, or not visible to the caller). */
        private long sent;

        Connection(Principal principal, String tokenHash, long lastEventId, Locale language) {
            this.principal = principal;
            this.language = language;
            this.userId = principal.userId();
            this.tokenHash = tokenHash;
            this.sent = lastEventId;
            // A client that has seen nothing yet (no header, or 0) starts with live events only.
            this.replaying = lastEventId > 0;
        }

        /** Runs once the request is asynchronous: from here on Jetty calls {@link #onWritePossible} when it can write. */
        CompletableFuture<Void> start(Context ctx) {
            ctx.req().getAsyncContext().addListener(this);
            try {
                synchronized (this) {
                    out = ctx.res().getOutputStream();
                    out.setWriteListener(this);
                }
            } catch (IOException e) {
                finish();
                throw new UncheckedIOException(e);
            }
            return done;
        }

        void revoke() {
            revoked = true;
            pump();
        }

        void keepAlive() {
            synchronized (this) {
                keepAliveDue = true;
            }
            pump();
        }

        /** Writes what is due while the socket takes it without blocking; ends the stream when it must end. */
        void pump() {
            boolean end;
            synchronized (this) {
                if (out == null || ended.get()) {
                    return;
                }
                try {
                    end = write();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Event stream closed: {}", e.toString());
                    end = true;
                }
            }
            if (end) {
                finish();
            }
        }

        private boolean write() throws IOException {
            while (true) {
                if (revoked || subscriber.isDead()) {
                    return true;
                }
                if (!out.isReady()) {
                    return false;
                }
                if (unflushed) {
                    unflushed = false;
                    out.flush();
                    continue;
                }
                byte[] chunk = next();
                if (chunk == null) {
                    return false;
                }
                out.write(chunk);
                unflushed = true;
            }
        }

        /** The next bytes to send: the greeting, a page of replay, the queued live events, a keep-alive; or null. */
        private byte[] next() throws IOException {
            if (!greeted) {
                greeted = true;
                return CONNECTED;
            }
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            while (replaying && frames.size() == 0) {
                List<StoredEvent> page = queries.tenantEvents(principal.tenantId(), sent,
                        subscriber.startWatermark(), PAGE);
                replaying = page.size() == PAGE;
                for (StoredEvent event : page) {
                    if (subscriber.visible(event)) {
                        frame(frames, queries.inLanguage(event.event(), language));
                    }
                    sent = event.event().id();
                }
            }
            if (frames.size() == 0) {
                batch.clear();
                subscriber.drainTo(batch, PAGE);
                for (StoredEvent event : batch) {
                    if (event.event().id() > sent) {
                        frame(frames, queries.inLanguage(event.event(), language));
                        sent = event.event().id();
                    }
                }
            }
            if (frames.size() > 0) {
                keepAliveDue = false;
                return frames.toByteArray();
            }
            if (keepAliveDue) {
                keepAliveDue = false;
                return KEEP_ALIVE;
            }
            return null;
        }

        /** Frees the slot and ends the response; safe to call from any thread, more than once. */
        void finish() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            EventHub.Subscriber s = subscriber;
            if (s != null) {
                hub.unsubscribe(s);
            }
            release(this);
            done.complete(null);
        }

        @Override
        public void onWritePossible() {
            pump();
        }

        @Override
        public void onError(Throwable t) {
            LOG.debug("Event stream closed by the client: {}", t.toString());
            finish();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finish();
        }

        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Started once, by Javalin, before this listener was added.
        }
    }

    private static void frame(ByteArrayOutputStream frames, WorkloadEvent event) throws IOException {
        byte[] head = ("event: workload\nid: " + event.id() + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        frames.writeBytes(head);
        frames.writeBytes(Http.OUT.writeValueAsBytes(event));
        frames.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
