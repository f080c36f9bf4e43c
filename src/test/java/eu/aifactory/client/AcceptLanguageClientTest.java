package eu.aifactory.client;

import static eu.aifactory.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AcceptLanguageClientTest extends MockFactoryTest {

    @Test
    void sendsTheUiLanguageAndASwitchAppliesToTheNextCall() throws Exception {
        AtomicReference<Locale> language = new AtomicReference<>(Locale.GERMANY);
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).language(language::get).build());
        server.enqueue(Fixtures.json(200, List.of()));
        server.enqueue(Fixtures.json(200, List.of()));

        client.listResourcePlans();
        language.set(Locale.UK);
        client.listResourcePlans();

        assertThat(next().getHeader("Accept-Language")).isEqualTo("de-DE,de;q=0.9");
        assertThat(next().getHeader("Accept-Language")).isEqualTo("en-GB,en;q=0.9");
    }

    @Test
    void aRefusalKeepsTheFactorysGermanTextAndARetryAsksInTheSameLanguage() throws Exception {
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).language(() -> Locale.GERMAN).build());
        server.enqueue(problem(ProblemType.UNAVAILABLE, "Die Datenbank der Fabrik antwortet nicht.", List.of()));
        server.enqueue(problem(ProblemType.VALIDATION, "limit: muss zwischen 1 und 500 liegen",
                List.of(new Problem.FieldError("limit", "muss zwischen 1 und 500 liegen"))));

        ApiException e = catchThrowableOfType(() -> client.listResourcePlans(), ApiException.class);

        assertThat(e.problem().errors()).extracting(Problem.FieldError::message)
                .containsExactly("muss zwischen 1 und 500 liegen");
        assertThat(next().getHeader("Accept-Language")).isEqualTo("de");
        assertThat(next().getHeader("Accept-Language")).isEqualTo("de");
    }

    @Test
    void withoutALanguageNoHeaderIsSent() throws Exception {
        server.enqueue(Fixtures.json(200, List.of()));
        server.enqueue(Fixtures.json(200, List.of()));

        client.listResourcePlans();
        client.close();
        client = new HttpFactoryClient(Fixtures.config(server, sleeper).language(() -> null).build());
        client.listResourcePlans();

        assertThat(next().getHeader("Accept-Language")).isNull();
        assertThat(next().getHeader("Accept-Language")).isNull();
    }
}
