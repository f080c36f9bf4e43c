package eu.aifactory.api.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule by which a signed report is VALID: its signature holds AND its signing key is a trusted key or is reached
 * from one through rotation records, each signed by the key it retires. A key set handed over with the report
 * proves nothing by itself (whoever forged the report made the key set too), so the trust comes from outside it:
 * keys pinned earlier (the portal's pin file, {@code verify --trusted-keys}) or a fingerprint the auditor got out of
 * band ({@code verify --trust}). The command line and the portal both decide through {@link #verify}.
 */
public final class TrustAnchor {

    public enum Trust {
        /** Signature valid and the signing key trusted. */
        TRUSTED,
        /** Signature valid, but the signing key is not trusted (no anchor given, or no signed rotation leads to it). */
        UNTRUSTED,
        /** The signature does not hold, or the document is not a signed report. */
        INVALID
    }

    /**
     * @param trust      the verdict
     * @param signature  the signature check on its own
     * @param signingKey the key that signed, when the signature holds
     * @param chain      the kids from the anchor to the signing key (one kid when the anchor signed), when trusted
     * @param message    an English explanation
     */
    public record Verdict(Trust trust, VerificationResult signature, Jwk signingKey, List<String> chain, String message) {

        public Verdict {
            chain = List.copyOf(chain);
        }
    }

    private final List<Jwk> anchorKeys;
    private final List<KeyRotation> anchorRotations;
    private final Set<String> fingerprints;

    private TrustAnchor(List<Jwk> anchorKeys, List<KeyRotation> anchorRotations, Set<String> fingerprints) {
        this.anchorKeys = List.copyOf(anchorKeys);
        this.anchorRotations = List.copyOf(anchorRotations);
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /** No anchor: a good signature is reported as UNTRUSTED. */
    public static TrustAnchor none() {
        return new TrustAnchor(List.of(), List.of(), Set.of());
    }

    /** The pinned keys (and the rotation records kept with them) are trusted. */
    public static TrustAnchor pinned(JwkSet pins) {
        return new TrustAnchor(pins.keys(), pins.rotations(), Set.of());
    }

    /**
     * The key with this fingerprint is trusted: the hex SHA-256 of the raw key as {@link Jwk#fingerprint()} prints
     * it (spaces and colons ignored, any case), or its kid (RFC 7638 thumbprint).
     */
    public static TrustAnchor fingerprint(String fingerprint) {
        String normalized = normalize(fingerprint);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("the trusted fingerprint is empty");
        }
        return new TrustAnchor(List.of(), List.of(), new HashSet<>(List.of(normalized, fingerprint.trim())));
    }

    public boolean isEmpty() {
        return anchorKeys.isEmpty() && fingerprints.isEmpty();
    }

    /** Verifies {@code document} with {@code keys} (the set that came with it) and decides trust by this anchor. */
    public Verdict verify(JsonNode document, JwkSet keys) {
        return decide(SignedDocument.verify(document, keys), keys);
    }

    /** As {@link #verify(JsonNode, JwkSet)} on JSON bytes. */
    public Verdict verify(byte[] document, JwkSet keys) {
        return decide(SignedDocument.verify(document, keys), keys);
    }

    private Verdict decide(VerificationResult signature, JwkSet keys) {
        if (!signature.valid()) {
            return new Verdict(Trust.INVALID, signature, null, List.of(), signature.message());
        }
        Jwk signer = keys.find(signature.kid()).orElseThrow();
        if (isEmpty()) {
            return new Verdict(Trust.UNTRUSTED, signature, signer, List.of(),
                    "signature valid, key NOT trusted: no trust anchor was given for key " + signer.kid()
                            + " (fingerprint " + signer.fingerprint() + ")");
        }
        Map<String, List<String>> reached = reach(keys);
        List<String> chain = reached.get(signer.kid());
        if (chain == null) {
            return new Verdict(Trust.UNTRUSTED, signature, signer, List.of(),
                    "signature valid, key NOT trusted: key " + signer.kid() + " (fingerprint " + signer.fingerprint()
                            + ") is not the trusted key and no rotation record signed by a trusted key leads to it");
        }
        return new Verdict(Trust.TRUSTED, signature, signer, chain, chain.size() == 1
                ? "signed by the trusted key " + signer.kid()
                : "signed by key " + signer.kid() + ", reached from the trusted key " + chain.get(0) + " through "
                        + (chain.size() - 1) + (chain.size() == 2 ? " signed rotation" : " signed rotations"));
    }

    /** Every key trusted by this anchor among {@code keys} and the anchor keys, with its chain from the anchor. */
    private Map<String, List<String>> reach(JwkSet keys) {
        Map<String, Jwk> known = new LinkedHashMap<>();
        anchorKeys.forEach(k -> known.put(k.kid(), k));
        keys.keys().forEach(k -> known.putIfAbsent(k.kid(), k));
        Map<String, List<String>> trusted = new LinkedHashMap<>();
        for (Jwk key : known.values()) {
            if (anchorKeys.stream().anyMatch(a -> a.kid().equals(key.kid()))
                    || fingerprints.contains(normalize(key.fingerprint())) || fingerprints.contains(key.kid())) {
                trusted.put(key.kid(), List.of(key.kid()));
            }
        }
        Set<KeyRotation> rotations = new LinkedHashSet<>(anchorRotations);
        rotations.addAll(keys.rotations());
        boolean extended;
        do {
            extended = false;
            for (KeyRotation rotation : rotations) {
                List<String> from = trusted.get(rotation.from());
                Optional<Jwk> fromKey = Optional.ofNullable(known.get(rotation.from()));
                if (from != null && !trusted.containsKey(rotation.to()) && fromKey.isPresent()
                        && rotation.isSignedBy(fromKey.get())) {
                    List<String> chain = new ArrayList<>(from);
                    chain.add(rotation.to());
                    trusted.put(rotation.to(), chain);
                    extended = true;
                }
            }
        } while (extended);
        return trusted;
    }

    private static String normalize(String fingerprint) {
        return fingerprint.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    }
}
