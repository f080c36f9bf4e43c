package eu.aifactory.api.signing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A report together with its signature, the form in which the factory serves and the portal saves signed reports:
 * <pre>
 * {"report": { … },
 *  "signature": {"kid": "…", "alg": "EdDSA", "jws": "&lt;header&gt;..&lt;signature&gt;", "canonicalization": "RFC8785"}}
 * </pre>
 * The JWS payload is the RFC 8785 canonical form of {@code report}, detached. Verification recomputes it from
 * the report as read, so key order, whitespace and number spelling in a saved file do not matter, while any
 * change of a value, an added or a removed member does. Only {@code report} is signed: members beside
 * {@code report} and {@code signature} are ignored (the contract says so), and a reader must not take them as signed.
 */
public final class SignedDocument {

    public static final String ALG = "EdDSA";
    public static final String CANONICALIZATION = "RFC8785";
    private static final Set<String> SIGNATURE_MEMBERS = Set.of("kid", "alg", "jws", "canonicalization");

    private SignedDocument() {
    }

    /** Signs {@code report} now. */
    public static ObjectNode sign(JsonNode report, PrivateKey key, String kid) {
        return sign(report, key, kid, Instant.now());
    }

    /**
     * Signs {@code report} with {@code key}, stating {@code signedAt} as the signing time.
     *
     * @throws IllegalArgumentException if the report has no RFC 8785 form (see {@link CanonicalJson})
     */
    public static ObjectNode sign(JsonNode report, PrivateKey key, String kid, Instant signedAt) {
        String jws = new JwsSigner(key, kid).signDetached(CanonicalJson.canonicalize(report), signedAt);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("report", report.deepCopy());
        document.putObject("signature")
                .put("kid", kid)
                .put("alg", ALG)
                .put("jws", jws)
                .put("canonicalization", CANONICALIZATION);
        return document;
    }

    /** Verifies a signed document read from bytes; duplicate member names make it {@code MALFORMED}. */
    public static VerificationResult verify(byte[] json, JwkSet keys) {
        JsonNode document;
        try {
            document = StrictJson.read(json);
        } catch (IOException e) {
            return VerificationResult.malformed("the document is not valid JSON: " + describe(e));
        }
        return verify(document, keys);
    }

    /** Verifies {@code document} against {@code keys}. */
    public static VerificationResult verify(JsonNode document, JwkSet keys) {
        if (document == null || !document.isObject()) {
            return VerificationResult.malformed("a signed document is a JSON object with \"report\" and \"signature\"");
        }
        JsonNode report = document.get("report");
        JsonNode signature = document.get("signature");
        if (report == null) {
            return VerificationResult.malformed("the document has no \"report\"");
        }
        if (signature == null || !signature.isObject()) {
            return VerificationResult.malformed("the document has no \"signature\" object");
        }
        Optional<String> unexpectedInSignature = firstUnexpected(signature, SIGNATURE_MEMBERS);
        if (unexpectedInSignature.isPresent()) {
            return VerificationResult.malformed("the signature has an unknown member \"" + unexpectedInSignature.get() + "\"");
        }
        for (String member : SIGNATURE_MEMBERS) {
            if (!signature.path(member).isTextual()) {
                return VerificationResult.malformed("signature." + member + " is missing or not a string");
            }
        }
        if (!ALG.equals(signature.get("alg").textValue())) {
            return VerificationResult.malformed("unsupported signature algorithm " + signature.get("alg").textValue());
        }
        if (!CANONICALIZATION.equals(signature.get("canonicalization").textValue())) {
            return VerificationResult.malformed("unsupported canonicalization " + signature.get("canonicalization").textValue());
        }
        String jws = signature.get("jws").textValue();
        String kid = signature.get("kid").textValue();
        Optional<String> signedKid = JwsVerifier.kidOf(jws);
        if (signedKid.isPresent() && !signedKid.get().equals(kid)) {
            return new VerificationResult(false, kid, VerificationResult.Reason.MALFORMED,
                    "signature.kid " + kid + " does not match the key id inside the signature (" + signedKid.get() + ")", null);
        }
        byte[] payload;
        try {
            payload = CanonicalJson.canonicalize(report);
        } catch (IllegalArgumentException e) {
            return VerificationResult.malformed("the report has no canonical form: " + e.getMessage());
        }
        return JwsVerifier.verify(jws, payload, keys);
    }

    private static String describe(IOException e) {
        return e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
    }

    private static Optional<String> firstUnexpected(JsonNode object, Set<String> allowed) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        names.removeAll(allowed);
        return names.stream().sorted().findFirst();
    }
}
