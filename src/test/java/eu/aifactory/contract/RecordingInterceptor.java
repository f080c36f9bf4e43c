package eu.aifactory.contract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;

/**
 * A network interceptor that keeps every request and response the real client exchanged with the real
 * server, so the contract test can check each of them against the OpenAPI document. It sits at the network
 * level to see the final headers (token, Idempotency-Key) and every retry.
 */
final class RecordingInterceptor implements Interceptor {

    private static final long MAX_BODY = 4L * 1024 * 1024;

    record Exchange(String method, String pathAndQuery, Map<String, String> requestHeaders, String requestContentType,
                    String requestBody, int status, String responseContentType, String responseBody) {
    }

    private final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        String contentType = response.header("Content-Type");
        boolean stream = contentType != null && contentType.startsWith("text/event-stream");
        boolean binary = contentType != null && contentType.startsWith("application/octet-stream");
        // Streams and binary content are not read here (the client consumes them); the test checks their
        // bytes and events itself, the validator only sees that a body of the documented type was sent.
        String body = stream ? "(event stream)" : binary ? "(binary content)" : text(response);
        String path = request.url().encodedPath() + (request.url().encodedQuery() == null ? ""
                : "?" + request.url().encodedQuery());
        synchronized (exchanges) {
            exchanges.add(new Exchange(request.method(), path, headers(request), requestContentType(request),
                    requestBody(request), response.code(), contentType, body));
        }
        return response;
    }

    List<Exchange> drain() {
        synchronized (exchanges) {
            List<Exchange> copy = List.copyOf(exchanges);
            exchanges.clear();
            return copy;
        }
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : request.headers().names()) {
            headers.put(name, request.header(name));
        }
        return headers;
    }

    private static String requestContentType(Request request) {
        return request.body() == null || request.body().contentType() == null ? null
                : request.body().contentType().toString();
    }

    private static String requestBody(Request request) throws IOException {
        if (request.body() == null) {
            return null;
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    private static String text(Response response) throws IOException {
        ResponseBody peeked = response.peekBody(MAX_BODY);
        String encoding = response.header("Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            try (BufferedSource gunzipped = Okio.buffer(new GzipSource(peeked.source()))) {
                return gunzipped.readUtf8();
            }
        }
        return peeked.string();
    }
}
