package eu.aifactory.portal.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.shell.DemoAccount;
import eu.aifactory.server.support.Await;
import eu.aifactory.portal.shell.DemoFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundDemoFactoryTest {

    private static final DemoAccount ANNA = new DemoAccount("u-anna", "Anna Schmidt", "Bergmann Maschinenbau GmbH",
            Role.ENGINEER, "demo-token-anna");

    @TempDir
    Path dataDir;

    private final AtomicInteger starts = new AtomicInteger();
    private BackgroundDemoFactory factory;

    @BeforeEach
    void setUp() {
        factory = launcher(List.of(ANNA));
    }

    private BackgroundDemoFactory launcher(List<DemoAccount> accounts) {
        return new BackgroundDemoFactory(() -> {
            starts.incrementAndGet();
            return new DemoFactoryStarter.Running(new DemoFactory(URI.create("http://127.0.0.1:1"), accounts), () -> { });
        }, new RememberedDemoAccounts(dataDir.resolve("demo-accounts.properties")));
    }

    @Test
    void aHeldStartBeginsOnlyWhenReleasedAndThenServesWhoeverAskedMeanwhile() throws Exception {
        factory.hold();
        CompletableFuture<DemoFactoryStarter.Running> asked = factory.startInBackground();

        assertThat(asked).isNotDone();
        assertThat(starts).hasValue(0);

        factory.release();

        assertThat(asked.get().factory().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(factory.startInBackground()).isSameAs(asked);
        assertThat(starts).hasValue(1);
    }

    @Test
    void closingWhileHeldAndUnstartedReturnsAtOnce() {
        factory.hold();
        factory.startInBackground();

        factory.close();

        assertThat(starts).hasValue(0);
    }

    @Test
    void aStartsAccountsAreRememberedWithoutTheirTokensForTheNextStart() throws Exception {
        assertThat(factory.remembered()).as("nothing before the first start").isEmpty();

        factory.start();

        BackgroundDemoFactory next = launcher(List.of(ANNA));
        assertThat(next.remembered()).containsExactly(new DemoAccount("u-anna", "Anna Schmidt",
                "Bergmann Maschinenbau GmbH", Role.ENGINEER, null));
        assertThat(Files.readString(dataDir.resolve("demo-accounts.properties"))).contains("Anna Schmidt")
                .doesNotContain("demo-token-anna");
        assertThat(starts).as("reading them starts no factory").hasValue(1);
    }

    @Test
    void heldTheRememberedAccountsAreReadOnlyAfterTheRelease() throws Exception {
        factory.start();
        BackgroundDemoFactory next = launcher(List.of(ANNA));
        next.hold();
        CompletableFuture<List<DemoAccount>> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> read.complete(next.remembered()));
        reader.start();
        Await.until("the reader blocked or done", reader::getState,
                state -> state == Thread.State.WAITING || state == Thread.State.TERMINATED);

        assertThat(read).as("the reader waits for the first frame").isNotDone();

        next.release();

        assertThat(read.get(30, TimeUnit.SECONDS)).extracting(DemoAccount::userId).containsExactly("u-anna");
        assertThat(starts).as("the release starts nothing nobody asked for").hasValue(1);
    }

    @Test
    void aStartWithOtherAccountsReplacesTheRememberedOnes() throws Exception {
        factory.start();
        DemoAccount jonas = new DemoAccount("u-jonas", "Jonas Weber", "Bergmann Maschinenbau GmbH",
                Role.ACCOUNT_MANAGER, "demo-token-jonas");

        launcher(List.of(jonas)).start();

        assertThat(factory.remembered()).extracting(DemoAccount::userId).containsExactly("u-jonas");
    }

    @Test
    void anIncompleteFileIsNoListButNoFailureEither() throws Exception {
        Files.writeString(dataDir.resolve("demo-accounts.properties"), "accounts=2\n0.userId=u-anna\n0.role=engineer\n");

        assertThat(factory.remembered()).isEmpty();
        assertThat(factory.start().accounts()).containsExactly(ANNA);
        assertThat(factory.remembered()).extracting(DemoAccount::userId).containsExactly("u-anna");
    }

    @Test
    void withoutHoldTheStartBeginsAtOnce() throws Exception {
        assertThat(factory.start().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(starts).hasValue(1);
    }
}
