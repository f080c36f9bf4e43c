package eu.aifactory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FactoryClientConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        FactoryClientConfig config = FactoryClientConfig.builder(URI.create("http://127.0.0.1:18080")).build();

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.retryBase()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.retryCap()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.userAgent()).startsWith("ai-factory-portal/");
        assertThat(config.token()).isNull();
        assertThat(config.httpClient()).isNull();
    }

    @Test
    void toBuilderKeepsEverythingButWhatIsChanged() {
        FactoryClientConfig config = FactoryClientConfig.builder(URI.create("http://127.0.0.1:18080"))
                .token("t"::toCharArray).maxRetries(1).readTimeout(Duration.ofSeconds(9)).build();

        FactoryClientConfig derived = config.toBuilder().maxRetries(2).build();

        assertThat(derived.maxRetries()).isEqualTo(2);
        assertThat(derived.readTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(derived.token()).isSameAs(config.token());
        assertThat(derived.baseUrl()).isEqualTo(config.baseUrl());
    }

    @Test
    void refusesUrlsThatCannotBeAFactory() {
        assertThatThrownBy(() -> FactoryClientConfig.builder(URI.create("ftp://host/")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactoryClientConfig.builder(URI.create("http://user:secret@host/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> FactoryClientConfig.builder(URI.create("http://127.0.0.1")).maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactoryClientConfig.builder(URI.create("http://127.0.0.1"))
                .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
