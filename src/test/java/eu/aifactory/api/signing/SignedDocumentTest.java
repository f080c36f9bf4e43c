package eu.aifactory.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.VerificationResult.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SignedDocumentTest {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Instant KEY_CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SIGNED_AT = Instant.parse("2026-03-31T18:00:00Z");

    private final KeyPair pair = TestKeys.generate();
    private final Jwk jwk = Jwk.of(pair.getPublic(), KEY_CREATED);
    private final JwkSet keys = JwkSet.of(jwk);

    private static JsonNode report() throws Exception {
        return MAPPER.readTree("""
                {
                  "tenant": "Müller Präzisionsteile GmbH",
                  "period": {"from": "2026-03-01", "to": "2026-03-31"},
                  "verdict": {"compliant": true, "findings": 1},
                  "gpuHours": 100,
                  "replicationRatio": 1,
                  "energyKwh": 1234.5,
                  "datasets": [
                    {"name": "cad-drawings", "site": "MUC-1", "country": "DE", "sizeBytes": 52428800000, "replicas": ["MUC-2"]},
                    {"name": "sensor-logs", "site": "MUC-1", "country": "DE", "sizeBytes": 0.5, "retention": null}
                  ]
                }""");
    }

    private ObjectNode signed() throws Exception {
        return SignedDocument.sign(report(), pair.getPrivate(), jwk.kid(), SIGNED_AT);
    }

    @Test
    void signedReportVerifiesWithThePublishedKey() throws Exception {
        VerificationResult result = SignedDocument.verify(signed(), keys);
        assertThat(result.valid()).isTrue();
        assertThat(result.reason()).isEqualTo(Reason.VALID);
        assertThat(result.kid()).isEqualTo(jwk.kid());
        assertThat(result.signedAt()).isEqualTo(SIGNED_AT);
    }

    @Test
    void signedDocumentCarriesTheReportAndADescribedSignature() throws Exception {
        ObjectNode document = signed();
        assertThat(document.get("report")).isEqualTo(report());
        JsonNode signature = document.get("signature");
        assertThat(signature.get("kid").asText()).isEqualTo(jwk.kid());
        assertThat(signature.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(signature.get("canonicalization").asText()).isEqualTo("RFC8785");
        assertThat(signature.get("jws").asText()).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]{86}");
    }

    @Test
    void savedAndReloadedDocumentStillVerifies() throws Exception {
        byte[] saved = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(signed());
        assertThat(SignedDocument.verify(saved, keys).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void changingAnyValueInTheReportBreaksTheSignature() throws Exception {
        List<JsonNode> leaves = new ArrayList<>();
        collectLeaves(report(), leaves);
        assertThat(leaves).hasSizeGreaterThan(15);
        for (int i = 0; i < leaves.size(); i++) {
            int target = i;
            ObjectNode document = signed();
            int[] counter = {0};
            replaceLeaf(document.get("report"), counter, target);
            assertThat(SignedDocument.verify(document, keys).reason()).as("leaf %d changed", target).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void addingAMemberAnywhereInTheReportBreaksTheSignature() throws Exception {
        assertTampered(report -> ((ObjectNode) report).put("note", "all fine"));
        assertTampered(report -> ((ObjectNode) report.get("verdict")).put("findings2", 0));
        assertTampered(report -> ((ObjectNode) report.get("datasets").get(1)).putNull("extra"));
        assertTampered(report -> ((ArrayNode) report.get("datasets").get(0).get("replicas")).add("FRA-1"));
    }

    @Test
    void removingAnyMemberOfTheReportBreaksTheSignature() throws Exception {
        List<String> paths = new ArrayList<>();
        collectMemberPaths(report(), "", paths);
        for (String path : paths) {
            ObjectNode document = signed();
            int slash = path.lastIndexOf('/');
            ObjectNode parent = (ObjectNode) document.get("report").at(path.substring(0, slash));
            parent.remove(path.substring(slash + 1));
            assertThat(SignedDocument.verify(document, keys).reason()).as("removed %s", path).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void reorderingAnArrayBreaksTheSignature() throws Exception {
        assertTampered(report -> {
            ArrayNode datasets = (ArrayNode) report.get("datasets");
            JsonNode first = datasets.remove(0);
            datasets.add(first);
        });
    }

    @Test
    void changingAnyCharacterOfTheSignatureMakesItBad() throws Exception {
        ObjectNode document = signed();
        String jws = document.get("signature").get("jws").asText();
        int start = jws.lastIndexOf('.') + 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = start; i < jws.length(); i++) {
            char original = jws.charAt(i);
            char replacement = alphabet.charAt((alphabet.indexOf(original) + 1) % alphabet.length());
            ObjectNode tampered = document.deepCopy();
            ((ObjectNode) tampered.get("signature")).put("jws", jws.substring(0, i) + replacement + jws.substring(i + 1));
            assertThat(SignedDocument.verify(tampered, keys).reason()).as("signature char %d", i).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void aSignatureNamingAKeyOutsideTheSetIsUnknownKey() throws Exception {
        KeyPair other = TestKeys.generate();
        String otherKid = Jwk.of(other.getPublic(), null).kid();
        ObjectNode document = SignedDocument.sign(report(), other.getPrivate(), otherKid, SIGNED_AT);
        VerificationResult result = SignedDocument.verify(document, keys);
        assertThat(result.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(result.kid()).isEqualTo(otherKid);
    }

    @Test
    void relabellingTheSignatureWithAnotherPublishedKidIsBad() throws Exception {
        KeyPair other = TestKeys.generate();
        Jwk otherJwk = Jwk.of(other.getPublic(), KEY_CREATED);
        // Claims to be signed by otherJwk (a published key) but the bytes were signed by pair.
        ObjectNode document = SignedDocument.sign(report(), pair.getPrivate(), otherJwk.kid(), SIGNED_AT);
        assertThat(SignedDocument.verify(document, JwkSet.of(jwk, otherJwk)).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void changingTheKidInsideTheProtectedHeaderIsDetected() throws Exception {
        ObjectNode document = signed();
        String jws = document.get("signature").get("jws").asText();
        String header = new String(Base64Url.decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
        String unknownKid = Jwk.of(TestKeys.generate().getPublic(), null).kid();
        String forged = Base64Url.encode(header.replace(jwk.kid(), unknownKid).getBytes(StandardCharsets.UTF_8))
                + jws.substring(jws.indexOf('.'));
        ObjectNode signature = (ObjectNode) document.get("signature");
        signature.put("jws", forged);
        assertThat(SignedDocument.verify(document, keys).reason()).as("header kid only").isEqualTo(Reason.MALFORMED);
        signature.put("kid", unknownKid);
        assertThat(SignedDocument.verify(document, keys).reason()).as("both kids").isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void changingTheVisibleKidMakesTheDocumentMalformed() throws Exception {
        ObjectNode document = signed();
        ((ObjectNode) document.get("signature")).put("kid", "someone-else");
        VerificationResult result = SignedDocument.verify(document, keys);
        assertThat(result.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(result.message()).contains("does not match");
    }

    @Test
    void keyOrderWhitespaceAndNumberSpellingDoNotMatter() throws Exception {
        ObjectNode document = signed();
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reverseMemberOrder(document));
        assertThat(pretty).contains("\"gpuHours\" : 100,").contains("\"replicationRatio\" : 1,");
        String respelled = pretty
                .replace("\"gpuHours\" : 100,", "\"gpuHours\":1e2,")
                .replace("\"replicationRatio\" : 1,", "\"replicationRatio\": 1.0 ,")
                .replace("1234.5", "1.2345E3")
                .replace("52428800000", "5.24288e10");
        assertThat(respelled).isNotEqualTo(pretty);
        assertThat(SignedDocument.verify(respelled.getBytes(StandardCharsets.UTF_8), keys).reason()).isEqualTo(Reason.VALID);
        String compact = new ObjectMapper().writeValueAsString(MAPPER.readTree(respelled));
        assertThat(SignedDocument.verify(compact.getBytes(StandardCharsets.UTF_8), keys).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void duplicateMembersInTheSavedFileAreMalformed() throws Exception {
        String saved = MAPPER.writeValueAsString(signed());
        String duplicated = saved.replace("\"gpuHours\":100", "\"gpuHours\":100,\"gpuHours\":5");
        assertThat(duplicated).isNotEqualTo(saved);
        VerificationResult result = SignedDocument.verify(duplicated.getBytes(StandardCharsets.UTF_8), keys);
        assertThat(result.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(result.message()).contains("gpuHours");
    }

    @Test
    void membersBesideReportAreIgnoredWhileUnknownSignatureMembersAreRefused() throws Exception {
        ObjectNode document = signed();
        document.put("comment", "approved by auditor");
        // The contract signs only "report": an added top-level member neither breaks nor joins the signed content.
        assertThat(SignedDocument.verify(document, keys).reason()).isEqualTo(Reason.VALID);

        ObjectNode withExtraSignatureMember = signed();
        ((ObjectNode) withExtraSignatureMember.get("signature")).put("x5u", "https://evil.example/keys");
        assertThat(SignedDocument.verify(withExtraSignatureMember, keys).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void missingPartsOrForeignAlgorithmsAreMalformed() throws Exception {
        assertThat(SignedDocument.verify(report(), keys).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(SignedDocument.verify(TextNode.valueOf("x"), keys).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(SignedDocument.verify("not json".getBytes(StandardCharsets.UTF_8), keys).reason()).isEqualTo(Reason.MALFORMED);
        ObjectNode noReport = signed();
        noReport.remove("report");
        assertThat(SignedDocument.verify(noReport, keys).reason()).isEqualTo(Reason.MALFORMED);
        ObjectNode otherAlg = signed();
        ((ObjectNode) otherAlg.get("signature")).put("alg", "RS256");
        assertThat(SignedDocument.verify(otherAlg, keys).reason()).isEqualTo(Reason.MALFORMED);
        ObjectNode otherCanonicalization = signed();
        ((ObjectNode) otherCanonicalization.get("signature")).put("canonicalization", "none");
        assertThat(SignedDocument.verify(otherCanonicalization, keys).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignatureMadeOutsideTheKeysValidityIsFlagged() throws Exception {
        Jwk retired = jwk.retired(Instant.parse("2026-02-01T00:00:00Z"), "successor");
        JwkSet set = JwkSet.of(retired);
        ObjectNode afterRetirement = SignedDocument.sign(report(), pair.getPrivate(), jwk.kid(), Instant.parse("2026-02-01T00:00:01Z"));
        assertThat(SignedDocument.verify(afterRetirement, set).reason()).isEqualTo(Reason.KEY_NOT_VALID_AT_SIGNING_TIME);
        ObjectNode beforeCreation = SignedDocument.sign(report(), pair.getPrivate(), jwk.kid(), KEY_CREATED.minusSeconds(1));
        assertThat(SignedDocument.verify(beforeCreation, set).reason()).isEqualTo(Reason.KEY_NOT_VALID_AT_SIGNING_TIME);
        ObjectNode inTime = SignedDocument.sign(report(), pair.getPrivate(), jwk.kid(), Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(SignedDocument.verify(inTime, set).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void reportsWithoutACanonicalFormCannotBeSigned() {
        ObjectNode report = JsonNodeFactory.instance.objectNode().put("ratio", Double.NaN);
        assertThatThrownBy(() -> SignedDocument.sign(report, pair.getPrivate(), jwk.kid(), SIGNED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertTampered(Consumer<JsonNode> change) throws Exception {
        ObjectNode document = signed();
        change.accept(document.get("report"));
        assertThat(SignedDocument.verify(document, keys).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    private static void collectLeaves(JsonNode node, List<JsonNode> leaves) {
        if (node.isContainerNode()) {
            node.forEach(child -> collectLeaves(child, leaves));
        } else {
            leaves.add(node);
        }
    }

    /** Replaces the target-th leaf (in document order) with a different value of a similar kind. */
    private static void replaceLeaf(JsonNode container, int[] counter, int target) {
        if (container.isObject()) {
            for (Iterator<String> it = container.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode child = container.get(name);
                if (child.isContainerNode()) {
                    replaceLeaf(child, counter, target);
                } else if (counter[0]++ == target) {
                    ((ObjectNode) container).set(name, changed(child));
                }
            }
        } else {
            for (int i = 0; i < container.size(); i++) {
                JsonNode child = container.get(i);
                if (child.isContainerNode()) {
                    replaceLeaf(child, counter, target);
                } else if (counter[0]++ == target) {
                    ((ArrayNode) container).set(i, changed(child));
                }
            }
        }
    }

    private static JsonNode changed(JsonNode leaf) {
        if (leaf.isTextual()) {
            return TextNode.valueOf(leaf.textValue() + "x");
        }
        if (leaf.isNumber()) {
            return new DoubleNode(leaf.doubleValue() + 1);
        }
        if (leaf.isBoolean()) {
            return BooleanNode.valueOf(!leaf.booleanValue());
        }
        return TextNode.valueOf("not null");
    }

    private static void collectMemberPaths(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                paths.add(path + "/" + name);
                collectMemberPaths(node.get(name), path + "/" + name, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectMemberPaths(node.get(i), path + "/" + i, paths);
            }
        }
    }

    private static JsonNode reverseMemberOrder(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode reversed = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> reversed.set(name, reverseMemberOrder(node.get(name))));
            return reversed;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> copy.add(reverseMemberOrder(child)));
            return copy;
        }
        return node;
    }
}
