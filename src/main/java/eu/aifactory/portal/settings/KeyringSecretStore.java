package eu.aifactory.portal.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the operating system's keyring (macOS Keychain, Windows Credential Manager, Secret Service / KWallet)
 * via java-keyring. Construction fails with {@link SecretStoreException} when the system has no usable backend,
 * as on a headless Linux box; a backend that breaks later fails writes the same way.
 */
public final class KeyringSecretStore implements SecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    private final String service;
    private final Keyring keyring;

    public KeyringSecretStore(String service) {
        this.service = service;
        try {
            this.keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new SecretStoreException("no OS keyring available: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> read(String name) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, name));
        } catch (PasswordAccessException e) {
            // The backends report "no such entry" and "cannot access" alike; both mean there is nothing to use.
            LOG.debug("no keyring entry {}: {}", name, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            throw new SecretStoreException("keyring read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String name, String secret) {
        try {
            keyring.setPassword(service, name, secret);
        } catch (PasswordAccessException | RuntimeException | LinkageError e) {
            throw new SecretStoreException("keyring write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            keyring.deletePassword(service, name);
        } catch (PasswordAccessException e) {
            LOG.debug("no keyring entry {} to delete: {}", name, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            throw new SecretStoreException("keyring delete failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.KEYRING;
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[" + service + ", " + keyring.getKeyringStorageType() + "]";
    }
}
