package eu.aifactory.client;

import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds {@code Authorization: Bearer <token>}; reads the token anew for every attempt so a changed token applies at once. */
final class AuthInterceptor implements Interceptor {

    private final Supplier<char[]> token;

    AuthInterceptor(Supplier<char[]> token) {
        this.token = token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        char[] value = token == null ? null : token.get();
        if (value == null || value.length == 0 || request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + new String(value)).build());
    }

    @Override
    public String toString() {
        return "AuthInterceptor[token=***]";
    }
}
