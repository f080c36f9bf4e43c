package eu.aifactory.server.http;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.server.http.Http;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.http.RequestText;
import eu.aifactory.server.tls.TlsIdentity;
import eu.aifactory.server.util.Ids;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The HTTP face of the factory: routes of the OpenAPI document, and RFC 9457 problems for every error. */
public final class FactoryApi {

    private static final Logger LOG = LoggerFactory.getLogger(FactoryApi.class);
    private static final String REQUEST_ID = "requestId";
    private static final String ACCEPT_LANGUAGE = "Accept-Language";
    private static final String CONTENT_LANGUAGE = "Content-Language";
    private static final String PROBLEM_TYPE = "factory.problemType";

    private FactoryApi() {
    }

    /** The factory's API: each feature's routes, with request ids, parameter checks and problems for every error. */
    public static Javalin create(List<Routes> routes) {
        return create(routes, null, null, 0);
    }

    /**
     * The factory's API served over HTTPS with {@code tls} on {@code host:port}; with {@code tls} null, plain HTTP
     * on whatever {@link Javalin#start(String, int)} is given.
     */
    public static Javalin create(List<Routes> routes, TlsIdentity tls, String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = Http.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            if (tls != null) {
                // Javalin adds its plain connector only when no connector was added.
                config.jetty.addConnector((server, http) -> httpsConnector(server, http, tls, host, port));
            }
        });
        app.before(ctx -> {
            String requestId = Ids.next("req");
            MDC.put(REQUEST_ID, requestId);
            ctx.attribute(REQUEST_ID, requestId);
            ctx.header("X-Request-Id", requestId);
            SecurityHeaders.set(ctx.res()::setHeader);
        });
        app.after(ctx -> MDC.remove(REQUEST_ID));
        app.beforeMatched(RequestText::checkParameters);
        routes.forEach(r -> r.register(app));

        app.exception(ProblemException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() != null) {
                ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            }
            problem(ctx, e.type(), e.detail(), e.errors(), e.budget());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, typeOf(e.getStatus()), detailOf(e), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed (request {})", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID), e);
            String requestId = ctx.attribute(REQUEST_ID);
            problem(ctx, ProblemType.INTERNAL, Text.of("problem.internal", requestId), List.of());
        });
        return app;
    }

    private static ServerConnector httpsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                                  TlsIdentity tls, String host, int port) {
        char[] password = java.util.UUID.randomUUID().toString().toCharArray();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore(password));
        ssl.setKeyStorePassword(new String(password));
        HttpConfiguration https = new HttpConfiguration(http);
        // Clients reach a factory by IP address as often as by name; they check the certificate, the factory need not.
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static ProblemType typeOf(int status) {
        return switch (status) {
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 416 -> ProblemType.RANGE_NOT_SATISFIABLE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION;
        };
    }

    private static Text detailOf(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> Text.of("problem.noSuchResource");
            case 405 -> Text.of("problem.methodNotAllowed");
            default -> Text.of("problem.verbatim", e.getMessage());
        };
    }

    static void problem(Context ctx, ProblemType type, Text detail, List<FieldError> errors) {
        problem(ctx, type, detail, errors, null);
    }

    /** The type of the problem this request was answered with, or null: what an after-handler sees of a refusal. */
    public static ProblemType problemType(Context ctx) {
        return ctx.attribute(PROBLEM_TYPE);
    }

    /** Answers with the problem in the language the request's Accept-Language prefers, and says which. */
    static void problem(Context ctx, ProblemType type, Text detail, List<FieldError> errors,
                        eu.aifactory.api.usage.BudgetDenial budget) {
        if (type == ProblemType.UNAUTHENTICATED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"ai-factory\"");
        }
        ctx.attribute(PROBLEM_TYPE, type);
        Locale locale = Messages.negotiate(ctx.header(ACCEPT_LANGUAGE));
        Problem problem = new Problem(type.uri(), Messages.title(type, locale), type.status(),
                Messages.render(detail, locale), ctx.path(), Messages.render(errors, locale), budget);
        ctx.header(CONTENT_LANGUAGE, locale.toLanguageTag()).header("Vary", ACCEPT_LANGUAGE);
        ctx.status(type.status()).contentType(Problem.MEDIA_TYPE).result(Http.problemBytes(problem));
    }

    /**
     * A request Jetty refused before any route ran (bad request line, URI, percent-encoding or header; a version
     * other than HTTP/1.x) is the client's error whatever status Jetty chose, so its type is never {@code internal}.
     */
    static ProblemType refusedType(int status) {
        return switch (status) {
            case 426, 505 -> ProblemType.UNSUPPORTED_HTTP_VERSION;
            case 400, 414, 431, 501 -> ProblemType.MALFORMED_REQUEST;
            default -> typeOf(status);
        };
    }

    private static Problem refused(int status, String reason, String instance, Locale locale) {
        ProblemType type = refusedType(status);
        String title = Messages.title(type, locale);
        String detail = reason == null || reason.isBlank() ? title : title + ": " + reason;
        return new Problem(type.uri(), title, status, detail, instance, List.of());
    }

    /** Errors Jetty answers itself (bad request lines, oversized headers) are problems too, never HTML. */
    static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            Locale locale = Messages.negotiate(request.getHeader(ACCEPT_LANGUAGE));
            byte[] body = Http.problemBytes(refused(status, reason == null ? null : reason.toString(),
                    request.getRequestURI(), locale));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setHeader(CONTENT_LANGUAGE, locale.toLanguageTag());
            SecurityHeaders.set(response::setHeader);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            baseRequest.setHandled(true);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            // The request could not be parsed, so its Accept-Language is unknown: English.
            fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            fields.put(HttpHeader.CONTENT_LANGUAGE, Locale.ENGLISH.toLanguageTag());
            SecurityHeaders.set(fields::put);
            return ByteBuffer.wrap(Http.problemBytes(refused(status, reason, null, Locale.ENGLISH)));
        }
    }
}
