package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.testing.FakeFactoryClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SessionTest {

    @Test
    void theDemoFactoryKeepsOneKeyAcrossPortsAndARemoteFactoryIsKeyedByItsAddressSafelyForFileNames() {
        FakeFactoryClient client = new FakeFactoryClient();
        Session demoToday = new Session(URI.create("http://127.0.0.1:41234"), client, FakeFactoryClient.demoMe(), true);
        Session demoTomorrow = new Session(URI.create("http://127.0.0.1:39001"), client, FakeFactoryClient.demoMe(), true);
        Session remote = new Session(URI.create("https://factory.example.eu:8443/tenant/a"), client,
                FakeFactoryClient.demoMe(), false);

        assertThat(demoToday.factoryKey()).isEqualTo(demoTomorrow.factoryKey()).isEqualTo("demo");
        assertThat(remote.factoryKey()).isEqualTo("factory.example.eu_8443_tenant_a").doesNotContain("/", ":");
    }
}
