package eu.aifactory.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.ServerConfig;
import eu.aifactory.server.support.Api;
import eu.aifactory.server.support.TestFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** When the factory itself breaks, callers still get problems: 500 without internals, 503 from health. */
class FailureModesTest {

    @Test
    void aLostDatabaseGivesInternalProblemsWithoutStackTracesAndAnUnhealthyHealth() throws Exception {
        ServerConfig config = ServerConfig.inMemory(true, 1);
        try (TestFactory factory = TestFactory.start(config, 15_000)) {
            String token = factory.token("acme-eng");
            try (Connection connection = DriverManager.getConnection(config.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }

            Api.Response broken = factory.api.get("/v1/me", token);
            assertThat(broken.status()).isEqualTo(500);
            assertThat(broken.problemType()).isEqualTo("internal");
            String requestId = broken.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(broken.json().path("detail").asText()).contains(requestId);
            assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("jdbc");

            Api.Response health = factory.api.get("/v1/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.problemType()).isEqualTo("unavailable");
        }
    }
}
