package eu.aifactory.api.signing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An Ed25519 public key as an OKP JSON Web Key (RFC 8037):
 * {@code {"kty":"OKP","crv":"Ed25519","x":"<base64url of the 32-byte key>","kid":"…","use":"sig","alg":"EdDSA"}}.
 *
 * <p>The key id is always the RFC 7638 thumbprint of the key, so a kid names exactly one key: a key set that
 * pairs a known kid with other key material is rejected when read. Three members of our own describe the
 * key's life as a signing key (ISO-8601 instants, whole seconds, both bounds inclusive):
 * <ul>
 *   <li>{@code notBefore}: when the factory started signing with it;</li>
 *   <li>{@code notAfter}: when it was retired by a rotation (absent for the current key);</li>
 *   <li>{@code rotatedTo}: the kid of the key that replaced it.</li>
 * </ul>
 * Retired keys stay published so that reports signed with them remain verifiable.
 *
 * @param kid       RFC 7638 thumbprint of the key
 * @param x         base64url of the raw RFC 8032 public key (little-endian y, top bit = sign of x)
 * @param notBefore start of its use for signing, or {@code null} if unknown
 * @param notAfter  end of its use for signing, or {@code null} while it is current
 * @param rotatedTo kid of the successor key, or {@code null}
 */
public record Jwk(String kid, String x, Instant notBefore, Instant notAfter, String rotatedTo) {

    /** 2^255 - 19, the field prime: a y at or above it is a non-canonical encoding. */
    private static final BigInteger FIELD_PRIME = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final int KEY_LENGTH = 32;

    public Jwk {
        Objects.requireNonNull(x, "x");
        publicKeyFromRaw(Base64Url.decode(x)); // validates length and encoding
        String thumbprint = thumbprint(x);
        if (kid == null) {
            kid = thumbprint;
        } else if (!kid.equals(thumbprint)) {
            throw new IllegalArgumentException("kid " + kid + " is not the RFC 7638 thumbprint of its key (" + thumbprint + ")");
        }
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("notAfter is before notBefore for key " + kid);
        }
    }

    /** A new signing key, valid from {@code notBefore} (truncated to the second, like JWS {@code iat}). */
    public static Jwk of(PublicKey key, Instant notBefore) {
        Instant from = notBefore == null ? null : notBefore.truncatedTo(ChronoUnit.SECONDS);
        return new Jwk(null, Base64Url.encode(rawFromPublicKey(key)), from, null, null);
    }

    /** This key retired at {@code at} in favour of {@code successorKid}. */
    public Jwk retired(Instant at, String successorKid) {
        return new Jwk(kid, x, notBefore, at.truncatedTo(ChronoUnit.SECONDS), successorKid);
    }

    /** RFC 7638 thumbprint of an Ed25519 key: base64url(SHA-256 of {@code {"crv":"Ed25519","kty":"OKP","x":"…"}}). */
    public static String thumbprint(String x) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        return Base64Url.encode(sha256(members.getBytes(StandardCharsets.UTF_8)));
    }

    /** The raw 32-byte RFC 8032 encoding. */
    public byte[] rawKey() {
        return Base64Url.decode(x);
    }

    public PublicKey publicKey() {
        return publicKeyFromRaw(rawKey());
    }

    /** Hex SHA-256 of the raw key in groups of four, for people to compare, e.g. {@code 3F2A 9C01 …}. */
    public String fingerprint() {
        byte[] hash = sha256(rawKey());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hash.length; i++) {
            if (i > 0 && i % 2 == 0) {
                out.append(' ');
            }
            out.append(String.format("%02X", hash[i]));
        }
        return out.toString();
    }

    /** Whether the key was in use for signing at {@code instant} (bounds inclusive, unknown bounds open). */
    public boolean validAt(Instant instant) {
        return (notBefore == null || !instant.isBefore(notBefore)) && (notAfter == null || !instant.isAfter(notAfter));
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("kty", "OKP")
                .put("crv", "Ed25519")
                .put("x", x)
                .put("kid", kid)
                .put("use", "sig")
                .put("alg", "EdDSA");
        if (notBefore != null) {
            node.put("notBefore", notBefore.toString());
        }
        if (notAfter != null) {
            node.put("notAfter", notAfter.toString());
        }
        if (rotatedTo != null) {
            node.put("rotatedTo", rotatedTo);
        }
        return node;
    }

    /** Reads an OKP Ed25519 JWK; unknown members are ignored, as RFC 7517 asks. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Jwk fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a JWK must be a JSON object");
        }
        requireMember(node, "kty", "OKP");
        requireMember(node, "crv", "Ed25519");
        optionalMember(node, "use", "sig");
        optionalMember(node, "alg", "EdDSA");
        return new Jwk(text(node, "kid"), requiredText(node, "x"), instant(node, "notBefore"), instant(node, "notAfter"),
                text(node, "rotatedTo"));
    }

    static byte[] rawFromPublicKey(PublicKey key) {
        if (!(key instanceof EdECPublicKey edKey) || !"Ed25519".equalsIgnoreCase(edKey.getParams().getName())) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        EdECPoint point = edKey.getPoint();
        byte[] bigEndian = point.getY().toByteArray();
        byte[] raw = new byte[KEY_LENGTH];
        // RFC 8032 5.1.2: y little-endian, the sign of x in the top bit of the last byte.
        for (int i = 0; i < KEY_LENGTH && i < bigEndian.length; i++) {
            raw[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (point.isXOdd()) {
            raw[KEY_LENGTH - 1] |= (byte) 0x80;
        }
        return raw;
    }

    static PublicKey publicKeyFromRaw(byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        boolean xOdd = (raw[KEY_LENGTH - 1] & 0x80) != 0;
        byte[] bigEndian = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            bigEndian[i] = raw[KEY_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        BigInteger y = new BigInteger(1, bigEndian);
        if (y.compareTo(FIELD_PRIME) >= 0) {
            throw new IllegalArgumentException("non-canonical Ed25519 public key encoding");
        }
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 public key", e);
        }
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void requireMember(JsonNode node, String name, String expected) {
        if (!expected.equals(requiredText(node, name))) {
            throw new IllegalArgumentException("JWK member " + name + " must be " + expected);
        }
    }

    private static void optionalMember(JsonNode node, String name, String expected) {
        String value = text(node, name);
        if (value != null && !expected.equals(value)) {
            throw new IllegalArgumentException("JWK member " + name + " must be " + expected);
        }
    }

    private static String requiredText(JsonNode node, String name) {
        String value = text(node, name);
        if (value == null) {
            throw new IllegalArgumentException("JWK member " + name + " is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode member = node.get(name);
        if (member == null || member.isNull()) {
            return null;
        }
        if (!member.isTextual()) {
            throw new IllegalArgumentException("JWK member " + name + " must be a string");
        }
        return member.textValue();
    }

    private static Instant instant(JsonNode node, String name) {
        String value = text(node, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("JWK member " + name + " is not an ISO-8601 instant", e);
        }
    }
}
