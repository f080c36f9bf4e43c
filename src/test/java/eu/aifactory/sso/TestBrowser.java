package eu.aifactory.sso;

import eu.aifactory.client.sso.SsoLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the system browser does during a sign-in, with real HTTP: opens the provider's login page, posts the user's
 * name and password to its form, and follows the redirect to the portal's loopback listener.
 */
final class TestBrowser implements SsoLogin.Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final String username;
    private final String password;
    private final OkHttpClient http;
    /** Where the provider sent the browser last: the loopback redirect with code and state. */
    private HttpUrl redirectedTo;

    TestBrowser(String username, String password) {
        this.username = username;
        this.password = password;
        // Generous timeouts: Keycloak renders its first login page slowly on a busy machine. A safety net, not a measure.
        this.http = new OkHttpClient.Builder().cookieJar(new MemoryCookies()).followRedirects(false)
                .readTimeout(Duration.ofSeconds(60)).build();
    }

    @Override
    public void open(URI url) {
        try (Response page = http.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
            String html = page.body().string();
            Matcher action = FORM_ACTION.matcher(html);
            if (page.code() != 200 || !action.find()) {
                throw new IllegalStateException("no login form at the provider: HTTP " + page.code());
            }
            FormBody form = new FormBody.Builder().add("username", username).add("password", password)
                    .add("credentialId", "").build();
            String target = action.group(1).replace("&amp;", "&");
            try (Response posted = http.newCall(new Request.Builder().url(target).post(form).build()).execute()) {
                String location = posted.header("Location");
                if (posted.code() != 302 || location == null) {
                    throw new IllegalStateException("the login was not accepted: HTTP " + posted.code());
                }
                redirectedTo = HttpUrl.get(location);
                try (Response back = http.newCall(new Request.Builder().url(redirectedTo).build()).execute()) {
                    if (back.code() != 200) {
                        throw new IllegalStateException("the loopback listener answered " + back.code());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpUrl redirectedTo() {
        return redirectedTo;
    }

    private static final class MemoryCookies implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            for (Cookie cookie : received) {
                cookies.removeIf(c -> c.name().equals(cookie.name()) && c.domain().equals(cookie.domain())
                        && c.path().equals(cookie.path()));
                cookies.add(cookie);
            }
        }

        /** Like a browser, counts plain HTTP to a loopback address as a secure context (Keycloak's cookies are Secure). */
        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            HttpUrl asSecure = url.host().equals("127.0.0.1") ? url.newBuilder().scheme("https").port(url.port()).build() : url;
            return cookies.stream().filter(c -> c.matches(asSecure)).toList();
        }
    }
}
