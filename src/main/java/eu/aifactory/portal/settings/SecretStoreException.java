package eu.aifactory.portal.settings;

/** A secret store cannot be used at all (no keyring backend, no D-Bus, locked keychain). */
public final class SecretStoreException extends RuntimeException {

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
