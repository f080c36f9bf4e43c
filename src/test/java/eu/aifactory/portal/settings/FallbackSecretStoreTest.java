package eu.aifactory.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import eu.aifactory.portal.testing.MemorySecretStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackSecretStoreTest {

    private final MemorySecretStore file = new MemorySecretStore();

    @Test
    void usesTheFileWhenNoKeyringCanBeCreated() {
        FallbackSecretStore store = new FallbackSecretStore(() -> {
            throw new SecretStoreException("no backend", null);
        }, file);

        store.write("a", "tok");

        assertThat(file.read("a")).contains("tok");
        assertThat(store.read("a")).contains("tok");
        assertThat(store.kind()).isEqualTo(SecretStore.Kind.ENCRYPTED_FILE);
    }

    @Test
    void movesToTheFileWhenTheKeyringFailsInUse() {
        BrokenKeyring keyring = new BrokenKeyring();
        FallbackSecretStore store = new FallbackSecretStore(() -> keyring, file);
        assertThat(store.kind()).isEqualTo(SecretStore.Kind.KEYRING);

        store.write("a", "tok");

        assertThat(file.read("a")).contains("tok");
        assertThat(store.kind()).isEqualTo(SecretStore.Kind.ENCRYPTED_FILE);
        store.write("b", "tok2");
        assertThat(keyring.calls).as("a failed keyring is not asked again").isEqualTo(1);
    }

    @Test
    void aWorkingKeyringKeepsTheSecretAndTheFileStaysEmpty() {
        MemorySecretStore keyring = new MemorySecretStore() {
            @Override
            public Kind kind() {
                return Kind.KEYRING;
            }
        };
        file.write("a", "old-from-file");
        FallbackSecretStore store = new FallbackSecretStore(() -> keyring, file);

        assertThat(store.read("a")).as("found in the file while the keyring has none").contains("old-from-file");
        store.write("a", "tok");

        assertThat(keyring.read("a")).contains("tok");
        assertThat(file.all()).isEmpty();
        store.delete("a");
        assertThat(store.read("a")).isEmpty();
    }

    @Test
    void theKeyringIsOnlyProbedOnFirstUse() {
        int[] opened = new int[1];
        FallbackSecretStore store = new FallbackSecretStore(() -> {
            opened[0]++;
            throw new SecretStoreException("no backend", null);
        }, file);
        assertThat(opened[0]).isZero();
        store.read("a");
        store.write("a", "tok");
        assertThat(opened[0]).isEqualTo(1);
    }

    @Test
    void theRealKeyringEitherWorksOrFailsCleanlyOnThisMachine() {
        // On a headless Linux box there is no Secret Service: construction must fail with our exception,
        // never with a raw native or D-Bus error, and the fallback must take over.
        assertThatCode(() -> {
            try {
                new KeyringSecretStore("AI Factory Portal test").read("probe");
            } catch (SecretStoreException expected) {
                assertThat(expected.getMessage()).contains("keyring");
            }
        }).doesNotThrowAnyException();
        FallbackSecretStore store = new FallbackSecretStore(() -> new KeyringSecretStore("AI Factory Portal test"), file);
        assertThat(store.read("probe-" + System.nanoTime())).isEqualTo(Optional.empty());
    }

    private static final class BrokenKeyring implements SecretStore {
        int calls;

        @Override
        public Optional<String> read(String name) {
            calls++;
            throw new SecretStoreException("keyring locked", null);
        }

        @Override
        public void write(String name, String secret) {
            calls++;
            throw new SecretStoreException("keyring locked", null);
        }

        @Override
        public void delete(String name) {
            calls++;
            throw new SecretStoreException("keyring locked", null);
        }

        @Override
        public Kind kind() {
            return Kind.KEYRING;
        }
    }
}
