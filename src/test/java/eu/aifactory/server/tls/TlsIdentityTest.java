package eu.aifactory.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.testing.TestClock;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the operator's PEM files, and the self-signed certificate a factory makes for itself. */
class TlsIdentityTest {

    @TempDir
    Path dir;

    @Test
    void aSelfSignedCertificateIsMadeOnceWithAnOwnerOnlyKeyAndReusedAtTheNextStart() throws Exception {
        java.time.Clock fixed = java.time.Clock.fixed(TestClock.START, java.time.ZoneOffset.UTC);
        SelfSignedCertificate.Loaded first = SelfSignedCertificate.loadOrCreate(dir.resolve("tls"), "10.1.2.3", fixed);
        SelfSignedCertificate.Loaded second = SelfSignedCertificate.loadOrCreate(dir.resolve("tls"), "10.1.2.3", fixed);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.identity().fingerprint()).isEqualTo(first.identity().fingerprint())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        X509Certificate certificate = first.identity().certificate();
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertThat(names).contains("10.1.2.3", "localhost", "127.0.0.1");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(TestClock.START.plus(SelfSignedCertificate.VALIDITY));
        Path key = dir.resolve("tls").resolve(SelfSignedCertificate.KEY_FILE);
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(key))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void theOperatorsPemFilesLoadWhenTheKeyBelongsToTheFirstCertificate() throws Exception {
        Pair pair = pair("a");
        TlsIdentity identity = TlsIdentity.load(pair.certificate(), pair.key());
        assertThat(identity.chain()).hasSize(1);
        assertThat(identity.keyStore("pw".toCharArray()).size()).isEqualTo(1);
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() {
        Pair a = pair("a");
        Pair b = pair("b");
        assertThatThrownBy(() -> TlsIdentity.load(a.certificate(), b.key()))
                .isInstanceOf(TlsException.class)
                .hasMessageContaining("does not belong to the certificate")
                .hasMessageContaining(a.certificate().toString()).hasMessageContaining(b.key().toString());
    }

    @Test
    void missingFilesFilesWithoutPemAndSwappedFilesAreNamed() throws Exception {
        Pair pair = pair("a");
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> TlsIdentity.load(missing, pair.key()))
                .hasMessage("The TLS certificate file " + missing + " does not exist");
        assertThatThrownBy(() -> TlsIdentity.load(pair.certificate(), missing))
                .hasMessage("The TLS key file " + missing + " does not exist");
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        assertThatThrownBy(() -> TlsIdentity.load(text, pair.key())).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> TlsIdentity.load(pair.key(), pair.key())).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> TlsIdentity.load(pair.certificate(), pair.certificate()))
                .hasMessageContaining("holds no PEM private key");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TlsIdentity.load(broken, pair.key())).hasMessageContaining("cannot be read");
    }

    @Test
    void anEncryptedKeyIsRefusedWithHowToDecryptIt() throws Exception {
        TlsIdentity identity = SelfSignedCertificate.generate(Set.of("localhost"), TestClock.clock());
        Path certificate = pair("a").certificate();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(keyOf(identity),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setPassword("secret".toCharArray())
                            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build()));
        }
        Path key = Files.writeString(dir.resolve("encrypted.pem"), pem.toString());
        assertThatThrownBy(() -> TlsIdentity.load(certificate, key))
                .hasMessageContaining("holds an encrypted key").hasMessageContaining("openssl pkey");
    }

    @Test
    void onlyHalfASelfSignedPairIsAnErrorNotASilentNewCertificate() throws Exception {
        SelfSignedCertificate.loadOrCreate(dir, "localhost", TestClock.clock());
        Files.delete(dir.resolve(SelfSignedCertificate.KEY_FILE));
        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(dir, "localhost", TestClock.clock()))
                .isInstanceOf(TlsException.class).hasMessageContaining("Only one of");
    }

    private record Pair(Path certificate, Path key) {
    }

    private Pair pair(String name) {
        Path pairDir = dir.resolve(name);
        SelfSignedCertificate.loadOrCreate(pairDir, "localhost", TestClock.clock());
        return new Pair(pairDir.resolve(SelfSignedCertificate.CERTIFICATE_FILE), pairDir.resolve(SelfSignedCertificate.KEY_FILE));
    }

    private static java.security.PrivateKey keyOf(TlsIdentity identity) throws Exception {
        java.security.KeyStore store = identity.keyStore("pw".toCharArray());
        return (java.security.PrivateKey) store.getKey(List.copyOf(java.util.Collections.list(store.aliases())).get(0),
                "pw".toCharArray());
    }
}
