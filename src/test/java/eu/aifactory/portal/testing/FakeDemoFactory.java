package eu.aifactory.portal.testing;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.portal.shell.DemoFactory;
import java.net.URI;
import java.util.List;

/** Demo accounts matching {@link FakeFactoryClient#demoMe()}, for sign-in tests without the real server. */
public final class FakeDemoFactory {

    public static final URI URL = URI.create("http://127.0.0.1:18080");
    public static final String ANNA_TOKEN = "demo-token-anna";

    private FakeDemoFactory() {
    }

    public static DemoFactory factory() {
        return new DemoFactory(URL, List.of(
                new DemoAccount("u-anna", "Anna Schmidt", "Bergmann Maschinenbau GmbH", Role.ENGINEER, ANNA_TOKEN),
                new DemoAccount("u-jonas", "Jonas Weber", "Bergmann Maschinenbau GmbH", Role.ACCOUNT_MANAGER,
                        "demo-token-jonas"),
                new DemoAccount("u-lena", "Lena Hoffmann", "Alpenland Präzisionsteile AG", Role.TENANT_ADMIN,
                        "demo-token-lena")));
    }
}
