package eu.aifactory.client;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Gives each logical call an {@code X-Request-Id} (a random UUID) and the client's {@code User-Agent}. It runs
 * before the retry interceptor, so every retry of a call carries the same id and the factory's log ties them together.
 */
final class RequestIdInterceptor implements Interceptor {

    static final String HEADER = "X-Request-Id";

    private final String userAgent;

    RequestIdInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder builder = request.newBuilder();
        if (request.header(HEADER) == null) {
            builder.header(HEADER, UUID.randomUUID().toString());
        }
        if (request.header("User-Agent") == null) {
            builder.header("User-Agent", userAgent);
        }
        return chain.proceed(builder.build());
    }
}
