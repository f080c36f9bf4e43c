package eu.aifactory.client.trust;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.Json;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.client.trust.KeyPinStore.PinnedKey;
import eu.aifactory.server.signing.SigningKeyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPinStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private final SigningKeyStore factory = SigningKeyStore.inMemory(Clock.fixed(T0, ZoneOffset.UTC));

    private KeyPinStore storeAt(Instant now) {
        return KeyPinStore.forFactory(dir.resolve("trust"), "demo", Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theFirstDecisionPinsTheKeyWithItsFingerprintAndWhenItWasFirstSeen() throws IOException {
        storeAt(T0).decide(factory.publishedKeys());

        assertThat(storeAt(T1).pinnedKeys()).containsExactly(
                new PinnedKey(factory.currentKid(), factory.currentKey().fingerprint(), T0));
        assertThat(dir.resolve("trust/demo.json")).exists();
    }

    @Test
    void aRotatedKeyIsFirstSeenWhenAcceptedWhileTheOldKeepsItsDate() throws IOException {
        storeAt(T0).decide(factory.publishedKeys());
        String old = factory.currentKid();
        factory.rotate();

        storeAt(T1).decide(factory.publishedKeys());

        assertThat(storeAt(T1).pinnedKeys()).extracting(k -> k.kid() + "@" + k.firstSeen())
                .containsExactly(old + "@" + T0, factory.currentKid() + "@" + T1);
    }

    @Test
    void aKeyChangedWithoutRotationLeavesThePinsAndTheirDatesAlone() throws IOException {
        storeAt(T0).decide(factory.publishedKeys());
        SigningKeyStore impostor = SigningKeyStore.inMemory(Clock.fixed(T1, ZoneOffset.UTC));

        KeyPinning.Decision decision = storeAt(T1).decide(impostor.publishedKeys());

        assertThat(decision.outcome()).isEqualTo(KeyPinning.Outcome.CHANGED_WITHOUT_ROTATION);
        assertThat(storeAt(T1).pinnedKeys()).extracting(PinnedKey::kid, PinnedKey::firstSeen)
                .containsExactly(Tuple.tuple(factory.currentKid(), T0));
    }

    @Test
    void forgettingRemovesThePinsSoTheNextDecisionIsAFirstUseAgain() throws IOException {
        storeAt(T0).decide(factory.publishedKeys());

        storeAt(T1).forget();

        assertThat(storeAt(T1).pinnedKeys()).isEmpty();
        assertThat(storeAt(T1).decide(factory.publishedKeys()).outcome()).isEqualTo(KeyPinning.Outcome.FIRST_USE);
        assertThat(storeAt(T1).pinnedKeys()).singleElement().extracting(PinnedKey::firstSeen).isEqualTo(T1);
    }

    @Test
    void aPinFileWrittenBeforeFirstSeenWasRecordedStillReadsWithAnUnknownDate() throws IOException {
        Path file = dir.resolve("trust/demo.json");
        Files.createDirectories(file.getParent());
        Files.write(file, Json.mapper().writeValueAsBytes(factory.publishedKeys().toJson()));

        assertThat(storeAt(T1).pinnedKeys()).singleElement().satisfies(key -> {
            assertThat(key.kid()).isEqualTo(factory.currentKid());
            assertThat(key.firstSeen()).isNull();
        });
        assertThat(storeAt(T1).decide(factory.publishedKeys()).outcome()).isEqualTo(KeyPinning.Outcome.SAME);
        assertThat(storeAt(T1).pinned().kids()).containsExactly(factory.currentKid());
    }

    @Test
    void aPinFileIsStillAJwkSetThatTheVerifyCommandCanRead() throws IOException {
        storeAt(T0).decide(factory.publishedKeys());

        JwkSet read = JwkSet.parse(Files.readAllBytes(dir.resolve("trust/demo.json")));

        assertThat(read.kids()).containsExactly(factory.currentKid());
    }
}
