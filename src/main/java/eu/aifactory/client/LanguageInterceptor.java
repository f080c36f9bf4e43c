package eu.aifactory.client;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks the factory to answer in the user's language: {@code Accept-Language} from the locale the supplier gives at
 * the time of each call, so a language switch applies to the next request. Without a locale no header is sent.
 */
final class LanguageInterceptor implements Interceptor {

    static final String HEADER = "Accept-Language";

    private final Supplier<Locale> language;

    LanguageInterceptor(Supplier<Locale> language) {
        this.language = language;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Locale locale = language == null ? null : language.get();
        if (locale == null || locale.getLanguage().isEmpty() || request.header(HEADER) != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header(HEADER, acceptLanguage(locale)).build());
    }

    /** {@code de-DE,de;q=0.9} for Germany's German, {@code de} for plain German: the language alone is the fallback. */
    static String acceptLanguage(Locale locale) {
        String language = locale.getLanguage();
        String tag = locale.toLanguageTag();
        return tag.equals(language) ? language : tag + "," + language + ";q=0.9";
    }
}
