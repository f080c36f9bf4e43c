package eu.aifactory.portal.residency;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.report.ResidencyReport.Status;
import eu.aifactory.client.trust.KeyPinStore;
import eu.aifactory.client.trust.KeyPinStore.PinnedKey;
import eu.aifactory.portal.i18n.Formats;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.residency.ResidencyViewModel.Verification;
import eu.aifactory.portal.settings.TrustedKeysViewModel;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import eu.aifactory.server.signing.SigningKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key the Residency page pins, as the Settings page shows it, and "forget" followed by a new pin. */
class PinnedKeyInSettingsTest {

    private static final Clock CLOCK = Clock.fixed(SampleReports.NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeFactoryClient client = new FakeFactoryClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.GERMAN);
    private final SigningKeyStore keys = SigningKeyStore.inMemory(CLOCK);
    private ResidencyViewModel residency;
    private TrustedKeysViewModel settings;

    @BeforeEach
    void setUp() {
        KeyPinStore pins = KeyPinStore.forFactory(dir.resolve("trust"), "demo", CLOCK);
        residency = new ResidencyViewModel(client, executor, i18n, pins, CLOCK);
        settings = new TrustedKeysViewModel(KeyPinStore.forFactory(dir.resolve("trust"), "demo", CLOCK), executor, i18n);
        serve(keys);
    }

    private void serve(SigningKeyStore signer) {
        client.onResidencyReport((from, to) -> signer.sign(SampleReports.tree(
                SampleReports.report(Status.COMPLIANT, LocalDate.parse("2027-03-31"))))).factoryKeys(signer.publishedKeys());
    }

    @Test
    void beforeAnyReportWasVerifiedSettingsShowNoPinnedKey() {
        settings.refresh();

        assertThat(settings.keys()).isEmpty();
    }

    @Test
    void afterAReportWasVerifiedSettingsShowTheKeyIdFingerprintAndWhenItWasFirstSeen() {
        residency.load();
        settings.refresh();

        assertThat(settings.keys()).containsExactly(
                new PinnedKey(keys.currentKid(), keys.currentKey().fingerprint(), SampleReports.NOW));
        assertThat(settings.keys().get(0).fingerprint()).matches("([0-9A-F]{4} ){15}[0-9A-F]{4}");
        assertThat(settings.firstSeenText(settings.keys().get(0))).isEqualTo("Zuerst gesehen am " + Formats.dateTime(SampleReports.NOW, I18n.GERMAN));
        i18n.localeProperty().set(I18n.ENGLISH);
        assertThat(settings.firstSeenText(settings.keys().get(0))).isEqualTo("First seen " + Formats.dateTime(SampleReports.NOW, I18n.ENGLISH));
    }

    @Test
    void theFirstVerifiedReportSaysItPinnedTheKeyAndLaterOnesDoNot() {
        residency.load();
        assertThat(residency.verificationTextProperty().get()).contains("jetzt erstmals hinterlegt");

        residency.load();
        assertThat(residency.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(residency.verificationTextProperty().get()).doesNotContain("erstmals");
    }

    @Test
    void forgettingThePinLetsTheNextReportPinAgainAndSaySo() {
        residency.load();
        residency.load();
        settings.refresh();

        settings.forget();

        assertThat(settings.keys()).isEmpty();
        assertThat(settings.statusProperty().get()).startsWith("Hinterlegter Schlüssel vergessen.");
        assertThat(dir.resolve("trust/demo.json")).doesNotExist();

        residency.load();
        assertThat(residency.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(residency.verificationTextProperty().get()).contains("jetzt erstmals hinterlegt");
        settings.refresh();
        assertThat(settings.keys()).extracting(PinnedKey::kid).containsExactly(keys.currentKid());
        assertThat(settings.statusProperty().get()).isNull();
    }

    @Test
    void aKeyChangedWithoutRotationStillWarnsNamingTheKeyAndSettingsKeepShowingThePinnedOne() {
        residency.load();
        SigningKeyStore impostor = SigningKeyStore.inMemory(CLOCK);
        serve(impostor);

        residency.load();
        settings.refresh();

        assertThat(residency.verificationProperty().get()).isEqualTo(Verification.KEY_CHANGED);
        assertThat(residency.verificationTextProperty().get())
                .startsWith("Warnung: Die Factory signiert mit einem Schlüssel, der nicht hinterlegt ist")
                .contains(impostor.currentKid());
        assertThat(settings.keys()).extracting(PinnedKey::fingerprint).containsExactly(keys.currentKey().fingerprint());
    }

    @Test
    void afterAChangedKeyForgettingThePinAcceptsTheNewKeyAsAFirstUse() {
        residency.load();
        SigningKeyStore successor = SigningKeyStore.inMemory(CLOCK);
        serve(successor);
        residency.load();
        assertThat(residency.verificationProperty().get()).isEqualTo(Verification.KEY_CHANGED);

        settings.refresh();
        settings.forget();
        residency.load();
        settings.refresh();

        assertThat(residency.verificationProperty().get()).isEqualTo(Verification.VERIFIED);
        assertThat(residency.verificationTextProperty().get()).contains("jetzt erstmals hinterlegt");
        assertThat(settings.keys()).extracting(PinnedKey::fingerprint).containsExactly(successor.currentKey().fingerprint());
    }
}
