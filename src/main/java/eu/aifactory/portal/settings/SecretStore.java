package eu.aifactory.portal.settings;

import java.util.Optional;

/**
 * Where the portal keeps API tokens: the OS keyring, or where none exists an encrypted file. Blocking: call it off
 * the UI thread. Implementations never log, print or expose a secret in {@code toString}.
 */
public interface SecretStore {

    Optional<String> read(String name);

    void write(String name, String secret);

    void delete(String name);

    /** Where secrets go, for the Settings page and the log ("OS keyring", "encrypted file"). */
    Kind kind();

    enum Kind { KEYRING, ENCRYPTED_FILE }

    /** The name under which the token for a factory is kept. */
    static String tokenName(String factoryUrl) {
        return "token@" + factoryUrl;
    }

    /** The name under which the single sign-on refresh token for a factory is kept. */
    static String refreshTokenName(String factoryUrl) {
        return "sso-refresh@" + factoryUrl;
    }
}
