package eu.aifactory.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.CanonicalJson;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.TestKeys;
import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.LogEntry;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.api.transparency.Merkle;
import eu.aifactory.api.transparency.TreeHead;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code verify new.json --previous old.json}: consistent logs pass, a dropped entry is found and named. */
class VerifyLogTest {

    private static final Instant SIGNED = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final KeyPair key = TestKeys.generate();
    private final Jwk jwk = Jwk.of(key.getPublic(), null);

    private static List<ObjectNode> leaves(int count) {
        List<ObjectNode> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(JsonNodeFactory.instance.objectNode().put("tenantId", "t-a").put("kind", "operator-access")
                    .put("ref", "oa-" + i).put("at", Instant.parse("2026-05-01T08:00:00Z").plusSeconds(3600L * i).toString()));
        }
        return leaves;
    }

    /** A signed report whose log holds {@code leaves}, listing all of them, with a proof from {@code since} if given. */
    private Path report(String name, List<ObjectNode> leaves, Long since) throws Exception {
        List<byte[]> hashes = leaves.stream().map(l -> Merkle.leafHash(CanonicalJson.canonicalize(l))).toList();
        TreeHead head = TreeHead.sign("t-a", leaves.size(), Merkle.root(hashes), SIGNED, key.getPrivate(), jwk.kid());
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            entries.add(new LogEntry(i, leaves.get(i)));
        }
        ConsistencyProof proof = since == null ? null
                : ConsistencyProof.of(since, leaves.size(), Merkle.consistencyProof(Math.toIntExact(since), hashes));
        ObjectNode report = JsonNodeFactory.instance.objectNode().put("reportId", name);
        report.set(LogSection.MEMBER, new LogSection(head, 0L, leaves.size() - 1L, entries, proof).toJson());
        Path file = temp.resolve(name + ".json");
        Files.write(file, Json.mapper().writeValueAsBytes(SignedDocument.sign(report, key.getPrivate(), jwk.kid(), SIGNED)));
        return file;
    }

    private int verify(Path newer, Path older) throws Exception {
        Path keys = temp.resolve("keys.json");
        Files.write(keys, Json.mapper().writeValueAsBytes(JwkSet.of(jwk)));
        return new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute(newer.toString(), "--keys", keys.toString(), "--trust", jwk.fingerprint(), "--previous", older.toString());
    }

    @Test
    void aNewerReportWhoseLogExtendsTheOlderOneIsConsistent() throws Exception {
        Path older = report("older", leaves(5), null);
        Path newer = report("newer", leaves(8), 5L);
        assertThat(verify(newer, older)).isZero();
        assertThat(out.toString()).contains("log consistent: the log of 8 entries extends the earlier 5 entries");
    }

    @Test
    void anEntryDroppedFromTheOlderRangeIsDetectedAndNamed() throws Exception {
        Path older = report("older", leaves(5), null);
        List<ObjectNode> rewritten = new ArrayList<>(leaves(9));
        rewritten.remove(2);
        Path newer = report("newer", rewritten, 5L);
        assertThat(verify(newer, older)).isEqualTo(VerifyCommand.LOG_INCONSISTENT);
        assertThat(out.toString()).contains("log NOT consistent").contains("#2 operator-access oa-2 at 2026-05-01T10:00:00Z");
    }

    @Test
    void aNewerReportWithoutAProofIsNotCheckedUnlessTheProofIsGiven() throws Exception {
        Path older = report("older", leaves(5), null);
        Path newer = report("newer", leaves(8), null);
        assertThat(verify(newer, older)).isEqualTo(VerifyCommand.LOG_NOT_CHECKED);

        List<byte[]> hashes = leaves(8).stream().map(l -> Merkle.leafHash(CanonicalJson.canonicalize(l))).toList();
        Path proof = temp.resolve("proof.json");
        Files.write(proof, Json.mapper().writeValueAsBytes(ConsistencyProof.of(5, 8, Merkle.consistencyProof(5, hashes))));
        Path keys = temp.resolve("keys.json");
        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out)).execute(newer.toString(), "--keys",
                keys.toString(), "--trust", jwk.kid(), "--previous", older.toString(), "--proof", proof.toString());
        assertThat(exit).isZero();
    }

    @Test
    void aReportThatLeavesAnEntryOutOfItsRangeIsInconsistent() throws Exception {
        Path file = report("gap", leaves(5), null);
        ObjectNode document = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(file));
        ObjectNode report = (ObjectNode) document.get("report");
        ((ArrayNode) report.get(LogSection.MEMBER).get("entries")).remove(3);
        Files.write(file, Json.mapper().writeValueAsBytes(SignedDocument.sign(report, key.getPrivate(), jwk.kid(), SIGNED)));
        Path keys = temp.resolve("keys.json");
        Files.write(keys, Json.mapper().writeValueAsBytes(JwkSet.of(jwk)));
        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out)).execute(file.toString(), "--keys",
                keys.toString(), "--trust", jwk.kid());
        assertThat(exit).isEqualTo(VerifyCommand.LOG_INCONSISTENT);
        assertThat(out.toString()).contains("entry #3 of the range 0..4 is missing from the report");
    }
}
