package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.report.ResidencyReport;
import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.Problem;
import eu.aifactory.api.ProblemType;
import eu.aifactory.client.ApiException;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.verify.VerifyCommand;
import eu.aifactory.portal.common.LoadState;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.PeriodChoice;
import eu.aifactory.portal.residency.ResidencyViewModel.Verification;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ResidencyViewModelTest {

    private static final Clock CLOCK = Clock.fixed(SampleReports.NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeFactoryClient client = new FakeFactoryClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.GERMAN);
    private final SigningKeyStore keys = SigningKeyStore.inMemory(CLOCK);
    private final List<Throwable> failures = new ArrayList<>();
    private ResidencyViewModel viewModel;

    @BeforeEach
    void setUp() {
        viewModel = newViewModel();
    }

    private ResidencyViewModel newViewModel() {
        ResidencyViewModel model = new ResidencyViewModel(client, executor, i18n, new KeyPinStore(dir.resolve("trust/demo.json")), CLOCK);
        model.setFactoryContact(new ResidencyViewModel.FactoryContact() {
            @Override
            public void answered() {
            }

            @Override
            public void failed(Throwable failure) {
                failures.add(failure);
            }
        });
        return model;
    }

    private void serve(JsonNode document, SigningKeyStore store) {
        client.onResidencyReport((from, to) -> document).factoryKeys(store.publishedKeys());
    }

    private JsonNode signed(ResidencyReport report, SigningKeyStore store) {
        return store.sign(SampleReports.tree(report));
    }

    private ResidencyReport compliant() {
        return SampleReports.report(Status.COMPLIANT, LocalDate.parse("2027-03-31"));
    }

    @Test
    void aCorrectlySignedReportIsVerifiedAndItsKeyPinnedOnFirstUse() throws IOException {
        serve(signed(compliant(), keys), keys);

        viewModel.load();

        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(viewModel.keyFingerprintProperty().get()).isEqualTo(keys.currentKey().fingerprint());
        assertThat(viewModel.verificationTextProperty().get())
                .startsWith("Signatur geprüft · Schlüssel " + keys.currentKey().fingerprint().substring(0, 9));
        assertThat(new KeyPinStore(dir.resolve("trust/demo.json")).pinned().kids()).containsExactly(keys.currentKid());
        assertThat(viewModel.inventory()).hasSize(2);
        assertThat(viewModel.sites()).extracting(ResidencyReport.Site::city).containsExactly("München", "Nürnberg");
    }

    @Test
    void aChangedFieldMakesTheReportTamperedAndNamesTheReason() {
        ObjectNode document = (ObjectNode) signed(compliant(), keys);
        ((ObjectNode) document.get("report").get("inventory").get(0)).put("country", "US");
        serve(document, keys);

        viewModel.load();

        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.TAMPERED);
        assertThat(viewModel.verificationTextProperty().get())
                .isEqualTo("Signaturprüfung fehlgeschlagen: Der Bericht wurde nach dem Signieren verändert oder die Signatur ist beschädigt");
        assertThat(viewModel.keyFingerprintProperty().get()).isNull();
    }

    @Test
    void aKeySwappedWithoutRotationAfterTheFirstPinIsReportedAsKeyChanged() throws IOException {
        serve(signed(compliant(), keys), keys);
        viewModel.load();
        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.VERIFIED);

        SigningKeyStore impostor = SigningKeyStore.inMemory(CLOCK);
        serve(signed(compliant(), impostor), impostor);
        viewModel.load();

        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.KEY_CHANGED);
        assertThat(viewModel.verificationTextProperty().get()).startsWith("Warnung:").contains(impostor.currentKid());
        assertThat(new KeyPinStore(dir.resolve("trust/demo.json")).pinned().kids()).containsExactly(keys.currentKid());
    }

    @Test
    void aRotatedKeyIsAcceptedThroughTheRotationRecordAndPinned() throws IOException {
        serve(signed(compliant(), keys), keys);
        viewModel.load();

        keys.rotate();
        serve(signed(compliant(), keys), keys);
        viewModel.load();

        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(new KeyPinStore(dir.resolve("trust/demo.json")).pinned().kids()).contains(keys.currentKid());
    }

    @Test
    void theVerdictSentenceIsWrittenInGermanAndEnglish() {
        serve(signed(compliant(), keys), keys);
        viewModel.load();

        assertThat(viewModel.verdictTextProperty().get()).isEqualTo(
                "Alle Daten der Müller Präzisionsteile GmbH wurden vom 03.12.2025 bis 02.03.2026 in Deutschland "
                        + "gespeichert und verarbeitet.");
        i18n.localeProperty().set(I18n.ENGLISH);
        assertThat(viewModel.verdictTextProperty().get()).isEqualTo(
                "All data of Müller Präzisionsteile GmbH was stored and processed in Germany from 3 Dec 2025 to 2 Mar 2026.");
    }

    @Test
    void aVerdictWithResolvedFindingsSaysSo() {
        serve(signed(SampleReports.report(Status.FINDINGS, LocalDate.parse("2027-03-31")), keys), keys);
        i18n.localeProperty().set(I18n.ENGLISH);

        viewModel.load();

        assertThat(viewModel.verdictTextProperty().get()).endsWith("; one finding was resolved or accepted as an exception.");
        assertThat(viewModel.findings()).hasSize(1);
    }

    @Test
    void anAttestationExpiringWithinSixtyDaysIsFlagged() {
        LocalDate inThirtyDays = LocalDate.parse("2026-04-01");
        serve(signed(SampleReports.report(Status.COMPLIANT, inThirtyDays), keys), keys);

        viewModel.load();

        assertThat(viewModel.attestations())
                .extracting(row -> row.attestation().standard() + "=" + row.expiringSoon())
                .containsExactly("BSI C5 Type 2=false", "ISO/IEC 27001:2022=true");
    }

    @Test
    void anUnreachableFactoryIsOfflineLeavesTheReportUnverifiedAndTellsTheMonitor() {
        serve(signed(compliant(), keys), keys);
        client.unreachable(true);

        viewModel.load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.OFFLINE);
        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.UNVERIFIED);
        assertThat(viewModel.verificationTextProperty().get()).as("no badge for a report that never came").isNull();
        assertThat(viewModel.errorProperty().get()).startsWith("Die Factory ist nicht erreichbar");
        assertThat(viewModel.reportProperty().get()).isNull();
        assertThat(failures).singleElement().isInstanceOf(FactoryUnreachableException.class);
    }

    @Test
    void projectsAreNamedAsTheTenantKnowsThemAndAnUnknownOneKeepsItsId() {
        client.me(new Me(client.me().user(), client.me().tenant(), client.me().roles(),
                List.of(new Me.Project("p-quality", "Qualitätssicherung"))));
        serve(signed(compliant(), keys), keys);

        viewModel.load();

        assertThat(viewModel.projectName("p-quality")).isEqualTo("Qualitätssicherung");
        assertThat(viewModel.projectName("p-gone")).isEqualTo("p-gone");
    }

    @Test
    void aRefusalIsAnErrorThatSaysWhatTheFactoryAnswered() {
        client.onResidencyReport((from, to) -> {
            throw new ApiException(new Problem(ProblemType.VALIDATION.uri(), "Invalid request", 400,
                    "from must be before to", null, List.of()));
        }).factoryKeys(keys.publishedKeys());

        viewModel.load();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.ERROR);
        assertThat(viewModel.errorProperty().get()).startsWith("Der Residenzbericht konnte nicht geladen werden")
                .contains("from must be before to");
    }

    @Test
    void whileTheReportIsOnItsWayThePageSaysLoadingNotUnverifiedNorEmpty() {
        serve(signed(compliant(), keys), keys);
        executor.holdWork();

        viewModel.loadIfNeeded();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(viewModel.errorProperty().get()).isNull();
        assertThat(viewModel.verificationTextProperty().get()).isNull();
        assertThat(viewModel.verdictTextProperty().get()).isNull();

        executor.runHeldWork();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.READY);
        assertThat(viewModel.verificationTextProperty().get()).startsWith("Signatur geprüft");
    }

    @Test
    void aPeriodWithNothingStoredIsEmptyOnlyAfterTheAnswer() {
        ResidencyReport full = compliant();
        ResidencyReport nothing = new ResidencyReport(full.reportId(), full.methodologyVersion(), full.generatedAt(),
                full.period(), full.tenant(), full.scope(), full.verdict(), full.sites(), List.of(), List.of(),
                List.of(), List.of(), full.attestations(), List.of());
        serve(signed(nothing, keys), keys);
        executor.holdWork();

        viewModel.load();
        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);
        executor.runHeldWork();

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.EMPTY);
        assertThat(viewModel.verdictTextProperty().get()).isNotBlank();
    }

    @Test
    void reloadingForAnotherPeriodDropsTheLastPeriodsVerdictAtOnce() {
        serve(signed(compliant(), keys), keys);
        viewModel.load();
        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        executor.holdWork();

        viewModel.periodProperty().set(PeriodChoice.LAST_QUARTER);

        assertThat(viewModel.stateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(viewModel.reportProperty().get()).isNull();
        assertThat(viewModel.verificationTextProperty().get()).isNull();
        assertThat(viewModel.inventory()).isEmpty();
    }

    @Test
    void choosingAnotherPeriodLoadsThatPeriod() {
        List<Instant> asked = new ArrayList<>();
        JsonNode document = signed(compliant(), keys);
        client.onResidencyReport((from, to) -> {
            asked.add(from);
            asked.add(to);
            return document;
        }).factoryKeys(keys.publishedKeys());

        viewModel.periodProperty().set(PeriodChoice.LAST_QUARTER);

        assertThat(asked).containsExactly(Instant.parse("2025-09-30T22:00:00Z"), Instant.parse("2025-12-31T23:00:00Z"));
    }

    @Test
    void aLoadOvertakenByANewerOneNeverShowsItsResult() {
        JsonNode good = signed(compliant(), keys);
        ObjectNode tampered = (ObjectNode) good.deepCopy();
        ((ObjectNode) tampered.get("report").get("tenant")).put("name", "Someone else");
        AtomicReference<JsonNode> next = new AtomicReference<>(tampered);
        client.onResidencyReport((from, to) -> next.get()).factoryKeys(keys.publishedKeys());
        executor.holdWork();

        viewModel.load();
        next.set(good);
        viewModel.load();
        executor.runHeldWork();

        assertThat(viewModel.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(client.calls().stream().filter("residencyReport"::equals)).as("the stale load was called off").hasSize(1);
    }

    @Test
    void theExportedReportAndKeysVerifyWithTheVerifyCommand() {
        serve(signed(compliant(), keys), keys);
        viewModel.load();
        Path report = dir.resolve("report.json");
        Path keyFile = dir.resolve("keys.json");
        List<String> errors = new ArrayList<>();

        viewModel.exportReport(report, () -> { }, errors::add);
        viewModel.exportKeys(keyFile, () -> { }, errors::add);

        assertThat(errors).isEmpty();
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out))
                .execute(report.toString(), "--keys", keyFile.toString(), "--trust", keys.currentKey().fingerprint());
        assertThat(exit).as(out.toString()).isEqualTo(VerifyCommand.VALID);
        assertThat(out.toString()).startsWith("VALID");
    }

    @Test
    void anExportedReportEditedAfterwardsFailsTheVerifyCommand() throws IOException {
        serve(signed(compliant(), keys), keys);
        viewModel.load();
        Path report = dir.resolve("report.json");
        Path keyFile = dir.resolve("keys.json");
        viewModel.exportReport(report, () -> { }, message -> { });
        viewModel.exportKeys(keyFile, () -> { }, message -> { });

        Files.writeString(report, Files.readString(report).replace("München", "Dublin"));

        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(new StringWriter()))
                .execute(report.toString(), "--keys", keyFile.toString());
        assertThat(exit).isEqualTo(VerifyCommand.INVALID);
    }
}
