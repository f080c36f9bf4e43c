package eu.aifactory.portal.settings;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keyring when it works, the encrypted file otherwise: if the keyring cannot be created, or fails in use,
 * every later call goes to the fallback. Reads look in both, so a token saved while the keyring was missing is
 * still found once it is back; deletes clear both. The keyring is opened on first use, not at construction:
 * probing for a backend (native libraries, D-Bus) takes a second or two that the first frame should not wait for.
 */
public final class FallbackSecretStore implements SecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackSecretStore.class);

    private final SecretStore fallback;
    private Supplier<SecretStore> primaryFactory;
    private SecretStore primary;

    public FallbackSecretStore(Supplier<SecretStore> primaryFactory, SecretStore fallback) {
        this.fallback = fallback;
        this.primaryFactory = primaryFactory;
    }

    /** The keyring, opened on the first call; null once it proved unusable. */
    private SecretStore primary() {
        if (primaryFactory != null) {
            primary = open(primaryFactory);
            primaryFactory = null;
        }
        return primary;
    }

    private static SecretStore open(Supplier<SecretStore> factory) {
        try {
            return factory.get();
        } catch (SecretStoreException e) {
            LOG.info("OS keyring not available, keeping tokens in an encrypted file: {}", e.getMessage());
            return null;
        }
    }

    @Override
    public synchronized Optional<String> read(String name) {
        if (primary() != null) {
            try {
                Optional<String> found = primary.read(name);
                if (found.isPresent()) {
                    return found;
                }
            } catch (SecretStoreException e) {
                giveUpPrimary(e);
            }
        }
        return fallback.read(name);
    }

    @Override
    public synchronized void write(String name, String secret) {
        if (primary() != null) {
            try {
                primary.write(name, secret);
                fallback.delete(name);
                return;
            } catch (SecretStoreException e) {
                giveUpPrimary(e);
            }
        }
        fallback.write(name, secret);
    }

    @Override
    public synchronized void delete(String name) {
        if (primary() != null) {
            try {
                primary.delete(name);
            } catch (SecretStoreException e) {
                giveUpPrimary(e);
            }
        }
        fallback.delete(name);
    }

    @Override
    public synchronized Kind kind() {
        return primary() != null ? primary.kind() : fallback.kind();
    }

    private void giveUpPrimary(SecretStoreException e) {
        LOG.warn("OS keyring failed, keeping tokens in an encrypted file from now on: {}", e.getMessage());
        primary = null;
    }

    @Override
    public synchronized String toString() {
        return "FallbackSecretStore[primary=" + primary + ", fallback=" + fallback + "]";
    }
}
