package eu.aifactory.api.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;

/** Ed25519 keys for tests, including the RFC 8032 section 7.1 test 1 pair used by RFC 8037's examples. */
public final class TestKeys {

    /** RFC 8032 7.1 TEST 1 secret key. */
    public static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    /** Its public key, base64url, as in RFC 8037 appendix A.2. */
    public static final String RFC8032_PUBLIC_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    private TestKeys() {
    }

    public static PrivateKey rfc8032PrivateKey() {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, HexFormat.of().parseHex(RFC8032_SECRET)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Jwk rfc8032Jwk() {
        return new Jwk(null, RFC8032_PUBLIC_X, null, null, null);
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
