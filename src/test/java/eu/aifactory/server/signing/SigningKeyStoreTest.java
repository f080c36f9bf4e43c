package eu.aifactory.server.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.KeyRotation;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.signing.VerificationResult.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

    @TempDir
    Path temp;

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T09:00:00Z"));

    private static JsonNode report(String tenant) {
        return JsonNodeFactory.instance.objectNode().put("tenant", tenant).put("storedInGermany", true).put("gpuHours", 12.5);
    }

    @Test
    void inMemoryStoreSignsReportsThatVerifyWithItsPublishedKeys() {
        SigningKeyStore store = SigningKeyStore.inMemory(clock);
        ObjectNode signed = store.sign(report("acme"));
        assertThat(signed.get("signature").get("kid").asText()).isEqualTo(store.currentKid());
        assertThat(SignedDocument.verify(signed, store.publishedKeys()).reason()).isEqualTo(Reason.VALID);
        assertThat(store.publishedKeys().kids()).containsExactly(store.currentKid());
        assertThat(store.currentKey().notBefore()).isEqualTo(Instant.parse("2026-01-01T09:00:00Z"));
    }

    @Test
    void reportSignedBeforeRotationStillVerifiesAfterItAndNewReportsUseTheNewKey() throws IOException {
        SigningKeyStore store = SigningKeyStore.inMemory(clock);
        String oldKid = store.currentKid();
        ObjectNode before = store.sign(report("acme"));

        clock.advanceSeconds(86_400);
        Jwk next = store.rotate();
        clock.advanceSeconds(60);
        ObjectNode after = store.sign(report("acme"));

        assertThat(next.kid()).isNotEqualTo(oldKid).isEqualTo(store.currentKid());
        assertThat(after.get("signature").get("kid").asText()).isEqualTo(next.kid());
        JwkSet published = store.publishedKeys();
        assertThat(published.kids()).containsExactly(oldKid, next.kid());
        assertThat(SignedDocument.verify(before, published).reason()).isEqualTo(Reason.VALID);
        assertThat(SignedDocument.verify(after, published).reason()).isEqualTo(Reason.VALID);

        Jwk retired = published.find(oldKid).orElseThrow();
        assertThat(retired.notAfter()).isEqualTo(Instant.parse("2026-01-02T09:00:00Z"));
        assertThat(retired.rotatedTo()).isEqualTo(next.kid());
        assertThat(next.notAfter()).isNull();
    }

    @Test
    void rotationRecordIsSignedByTheOldKeyAndNotByTheNewOne() throws IOException {
        SigningKeyStore store = SigningKeyStore.inMemory(clock);
        String oldKid = store.currentKid();
        Jwk next = store.rotate();
        KeyRotation record = store.publishedKeys().rotations().get(0);
        assertThat(record.from()).isEqualTo(oldKid);
        assertThat(record.to()).isEqualTo(next.kid());
        assertThat(record.isSignedBy(store.publishedKeys().find(oldKid).orElseThrow())).isTrue();
        assertThat(record.isSignedBy(next)).isFalse();
    }

    @Test
    void keyIsCreatedOnFirstOpenAndReloadedLater() throws IOException {
        Path dir = temp.resolve("keys");
        SigningKeyStore first = SigningKeyStore.open(dir, clock);
        ObjectNode signed = first.sign(report("acme"));

        SigningKeyStore reopened = SigningKeyStore.open(dir, clock);
        assertThat(reopened.currentKid()).isEqualTo(first.currentKid());
        assertThat(reopened.publishedKeys()).isEqualTo(first.publishedKeys());
        assertThat(SignedDocument.verify(signed, reopened.publishedKeys()).reason()).isEqualTo(Reason.VALID);
        // Ed25519 is deterministic: the reloaded private key signs exactly as the original did.
        assertThat(reopened.sign(report("acme"))).isEqualTo(signed);
        assertThat(Files.readString(SigningKeyStore.keyFile(dir, first.currentKid()))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void privateKeyFileAndNewDirectoryAreOwnerOnlyOnPosix() throws IOException {
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class));
        Path dir = temp.resolve("keys");
        SigningKeyStore store = SigningKeyStore.open(dir, clock);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SigningKeyStore.keyFile(dir, store.currentKid()))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        store.rotate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(SigningKeyStore.keyFile(dir, store.currentKid()))))
                .isEqualTo("rw-------");
    }

    @Test
    void keyFileOpenedUpByAnOperatorIsRestrictedAgainOnLoad() throws IOException {
        assumeTrue(Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class));
        Path dir = temp.resolve("keys");
        SigningKeyStore store = SigningKeyStore.open(dir, clock);
        Path keyFile = SigningKeyStore.keyFile(dir, store.currentKid());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        SigningKeyStore.open(dir, clock);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void rotationIsPersistedAndTheOldPrivateKeyDestroyed() throws IOException {
        Path dir = temp.resolve("keys");
        SigningKeyStore store = SigningKeyStore.open(dir, clock);
        String oldKid = store.currentKid();
        ObjectNode before = store.sign(report("acme"));
        clock.advanceSeconds(3600);
        Jwk next = store.rotate();

        assertThat(SigningKeyStore.keyFile(dir, oldKid)).doesNotExist();
        SigningKeyStore reopened = SigningKeyStore.open(dir, clock);
        assertThat(reopened.currentKid()).isEqualTo(next.kid());
        assertThat(reopened.publishedKeys().kids()).containsExactly(oldKid, next.kid());
        assertThat(reopened.publishedKeys().rotations()).hasSize(1);
        assertThat(SignedDocument.verify(before, reopened.publishedKeys()).reason()).isEqualTo(Reason.VALID);
    }

    @Test
    void aMissingPrivateKeyStopsTheStoreInsteadOfMintingANewKey() throws IOException {
        Path dir = temp.resolve("keys");
        SigningKeyStore store = SigningKeyStore.open(dir, clock);
        Files.delete(SigningKeyStore.keyFile(dir, store.currentKid()));
        assertThatThrownBy(() -> SigningKeyStore.open(dir, clock)).isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    @Test
    void keyFilesWithoutTheirStateFileStopTheStore() throws IOException {
        Path dir = temp.resolve("keys");
        SigningKeyStore.open(dir, clock);
        Files.delete(dir.resolve(SigningKeyStore.STATE_FILE));
        assertThatThrownBy(() -> SigningKeyStore.open(dir, clock)).isInstanceOf(IOException.class)
                .hasMessageContaining(SigningKeyStore.STATE_FILE);
    }

    @Test
    void aPrivateKeyFromAnotherInstallationIsRejected() throws IOException {
        Path dirA = temp.resolve("a");
        Path dirB = temp.resolve("b");
        SigningKeyStore a = SigningKeyStore.open(dirA, clock);
        SigningKeyStore b = SigningKeyStore.open(dirB, clock);
        Path keyOfA = SigningKeyStore.keyFile(dirA, a.currentKid());
        Files.delete(keyOfA);
        Files.copy(SigningKeyStore.keyFile(dirB, b.currentKid()), keyOfA);
        assertThatThrownBy(() -> SigningKeyStore.open(dirA, clock)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void keyFileLeftByAnInterruptedRotationIsRemovedOnOpen() throws IOException {
        Path dir = temp.resolve("keys");
        SigningKeyStore store = SigningKeyStore.open(dir, clock);
        Path stray = SigningKeyStore.keyFile(dir, "stray-kid");
        Files.copy(SigningKeyStore.keyFile(dir, store.currentKid()), stray);
        SigningKeyStore reopened = SigningKeyStore.open(dir, clock);
        assertThat(stray).doesNotExist();
        assertThat(reopened.currentKid()).isEqualTo(store.currentKid());
    }

    /** A clock tests move forward by hand. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
