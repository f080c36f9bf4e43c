package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.api.signing.CanonicalJson;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.transparency.ConsistencyProof;
import eu.aifactory.api.transparency.LogEntry;
import eu.aifactory.api.transparency.LogSection;
import eu.aifactory.api.transparency.Merkle;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.LogStatus;
import eu.aifactory.portal.residency.ResidencyViewModel.Verification;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Residency page keeps the last tree head per tenant and says whether the next report's log extends it. */
class ResidencyLogCheckTest {

    private static final Clock CLOCK = Clock.fixed(SampleReports.NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeFactoryClient client = new FakeFactoryClient();
    private final SigningKeyStore keys = SigningKeyStore.inMemory(CLOCK);

    private ResidencyViewModel viewModel(I18n i18n) {
        Me me = client.me();
        client.me(new Me(me.user(), new Me.Tenant("t-mueller", SampleReports.TENANT), me.roles(), me.projects()));
        return new ResidencyViewModel(client, new DirectTaskExecutor(), i18n, new KeyPinStore(dir.resolve("trust/demo.json")),
                CLOCK);
    }

    private static List<ObjectNode> leaves(int count) {
        List<ObjectNode> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(JsonNodeFactory.instance.objectNode().put("tenantId", "t-mueller").put("kind", "operator-access")
                    .put("ref", "oa-" + i).put("at", Instant.parse("2026-02-01T08:00:00Z").plusSeconds(3600L * i).toString()));
        }
        return leaves;
    }

    /** A signed report whose log holds {@code leaves}, with the proof from {@code since} when given. */
    private JsonNode report(List<ObjectNode> leaves, Long since) {
        List<byte[]> hashes = leaves.stream().map(l -> Merkle.leafHash(CanonicalJson.canonicalize(l))).toList();
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            entries.add(new LogEntry(i, leaves.get(i)));
        }
        ConsistencyProof proof = since == null ? null
                : ConsistencyProof.of(since, leaves.size(), Merkle.consistencyProof(Math.toIntExact(since), hashes));
        ObjectNode report = (ObjectNode) SampleReports.tree(SampleReports.report(Status.COMPLIANT, LocalDate.parse("2027-03-31")));
        report.set(LogSection.MEMBER, new LogSection(keys.signTreeHead("t-mueller", leaves.size(), Merkle.root(hashes)), 0L,
                leaves.size() - 1L, entries, proof).toJson());
        return keys.sign(report);
    }

    private void serve(List<ObjectNode> leaves) {
        client.factoryKeys(keys.publishedKeys()).onResidencyReport((from, to) -> report(leaves, client.lastSince()));
    }

    @Test
    void theFirstHeadIsKeptAndAnExtendingLogIsConsistent() throws IOException {
        ResidencyViewModel viewModel = viewModel(new I18n(I18n.GERMAN));
        serve(leaves(5));
        viewModel.load();
        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(viewModel.logStatusProperty().get()).isEqualTo(LogStatus.FIRST);
        assertThat(new KeyPinStore(dir.resolve("trust/demo.json")).treeHeads().last("t-mueller").orElseThrow().treeSize())
                .isEqualTo(5);

        serve(leaves(8));
        viewModel.load();

        assertThat(client.lastSince()).isEqualTo(5);
        assertThat(viewModel.logStatusProperty().get()).isEqualTo(LogStatus.CONSISTENT);
        assertThat(viewModel.logTextProperty().get()).startsWith("Protokoll konsistent");
        assertThat(new KeyPinStore(dir.resolve("trust/demo.json")).treeHeads().last("t-mueller").orElseThrow().treeSize())
                .isEqualTo(8);
    }

    @Test
    void aLogWithoutAnEarlierEntryIsAWarningThatNamesItAndTheOldHeadIsKept() throws IOException {
        ResidencyViewModel viewModel = viewModel(new I18n(I18n.ENGLISH));
        serve(leaves(5));
        viewModel.load();

        List<ObjectNode> rewritten = new ArrayList<>(leaves(9));
        rewritten.remove(2);
        serve(rewritten);
        viewModel.load();

        assertThat(viewModel.logStatusProperty().get()).isEqualTo(LogStatus.INCONSISTENT);
        assertThat(viewModel.logTextProperty().get()).startsWith("Warning: this report’s log does not extend")
                .contains("#2 operator-access oa-2");
        assertThat(new KeyPinStore(dir.resolve("trust/demo.json")).treeHeads().last("t-mueller").orElseThrow().treeSize())
                .isEqualTo(5);
    }
}
