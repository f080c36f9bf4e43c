package eu.aifactory.client.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Signs a person in through the system browser, as RFC 8252 asks of a native app: the authorization code flow with
 * PKCE (S256), the code delivered to a one-shot HTTP listener on {@code 127.0.0.1} at a random port, {@code state}
 * and the ID token's {@code nonce} checked against this attempt. Blocking until the browser comes back; cancel it with
 * {@link #cancel()} from another thread.
 */
public final class SsoLogin {

    /** Opens a URL in the user's browser; the portal uses the desktop's, tests drive the redirects themselves. */
    @FunctionalInterface
    public interface Browser {
        void open(URI url);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CALLBACK_PATH = "/callback";

    private final SsoProvider provider;
    private final Browser browser;
    private final Clock clock;
    private final String pageHtml;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

    /** @param pageHtml what the browser shows once it handed the code over ("return to the portal") */
    public SsoLogin(SsoProvider provider, Browser browser, Clock clock, String pageHtml) {
        this.provider = provider;
        this.browser = browser;
        this.clock = clock;
        this.pageHtml = pageHtml;
    }

    /** Runs the whole sign-in; waits at most {@code timeout} for the browser to come back. */
    public SsoTokens signIn(Duration timeout) {
        String verifier = random(32);
        String state = random(16);
        String nonce = random(16);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "no loopback port for the sign-in: " + e.getMessage(), e);
        }
        server.createContext(CALLBACK_PATH, this::receive);
        server.start();
        try {
            URI redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH);
            browser.open(provider.authorizationUrl(redirect, state, nonce, challenge(verifier)).uri());
            Map<String, String> answer = await(timeout);
            if (!state.equals(answer.get("state"))) {
                throw new SsoException(SsoException.Reason.MISMATCH, "the sign-in answer belongs to another attempt (state)");
            }
            if (answer.containsKey("error")) {
                throw new SsoException("access_denied".equals(answer.get("error"))
                        ? SsoException.Reason.CANCELLED : SsoException.Reason.REFUSED,
                        "the provider refused the sign-in: " + answer.get("error"));
            }
            String code = answer.get("code");
            if (code == null || code.isBlank()) {
                throw new SsoException(SsoException.Reason.REFUSED, "the provider sent no authorization code");
            }
            SsoTokens tokens = provider.exchange(code, redirect, verifier, clock);
            checkIdToken(tokens, nonce);
            return tokens;
        } finally {
            server.stop(0);
        }
    }

    /** Gives up waiting for the browser (the user closed the dialog). */
    public void cancel() {
        callback.cancel(false);
    }

    private Map<String, String> await(Duration timeout) {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new SsoException(SsoException.Reason.CANCELLED, "the sign-in was cancelled");
        } catch (TimeoutException e) {
            throw new SsoException(SsoException.Reason.TIMED_OUT, "the browser did not come back within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SsoException(SsoException.Reason.CANCELLED, "the sign-in was interrupted");
        } catch (ExecutionException e) {
            throw new SsoException(SsoException.Reason.UNREACHABLE, "the sign-in answer could not be read", e.getCause());
        }
    }

    /** The one redirect this listener serves: its query goes to the waiting sign-in, the browser gets a short page. */
    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            callback.complete(query(exchange.getRequestURI().getRawQuery()));
            byte[] page = pageHtml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }

    /** The ID token came straight from the token endpoint over the connection we opened; its nonce ties it to us. */
    private void checkIdToken(SsoTokens tokens, String nonce) {
        if (tokens.idToken() == null) {
            throw new SsoException(SsoException.Reason.MISMATCH, "the provider sent no ID token");
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(tokens.idToken()).getJWTClaimsSet();
            if (!nonce.equals(claims.getStringClaim("nonce"))) {
                throw new SsoException(SsoException.Reason.MISMATCH, "the ID token belongs to another sign-in (nonce)");
            }
            if (!provider.issuer().equals(claims.getIssuer()) || !claims.getAudience().contains(provider.clientId())) {
                throw new SsoException(SsoException.Reason.MISMATCH, "the ID token was issued by or for someone else");
            }
        } catch (ParseException e) {
            throw new SsoException(SsoException.Reason.MISMATCH, "the ID token is not a JWT", e);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
