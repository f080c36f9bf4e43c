package eu.aifactory.server.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate a factory on the network makes for itself when the operator gave none: an EC P-256 key and a
 * self-signed certificate for this machine's names, made once into {@code <dir>/certificate.pem} and
 * {@code <dir>/private-key.pem} (the key readable by the owner only) and reused at every start, so clients that
 * pinned it keep trusting it.
 */
public final class SelfSignedCertificate {

    public static final String CERTIFICATE_FILE = "certificate.pem";
    public static final String KEY_FILE = "private-key.pem";
    /** Long, as an SSH host key: clients pin this very certificate, so renewing it would only make them warn. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** The certificate in {@code dir}, made now (for {@code host} and this machine's names) if there is none yet. */
    public static Loaded loadOrCreate(Path dir, String host, Clock clock) {
        Path certificate = dir.resolve(CERTIFICATE_FILE);
        Path key = dir.resolve(KEY_FILE);
        boolean hasCertificate = Files.exists(certificate);
        if (hasCertificate != Files.exists(key)) {
            throw new TlsException("Only one of " + certificate + " and " + key
                    + " exists; delete the other one too to make a new self-signed certificate");
        }
        if (hasCertificate) {
            return new Loaded(TlsIdentity.load(certificate, key), false);
        }
        TlsIdentity identity = generate(names(host), clock);
        write(dir, identity);
        return new Loaded(TlsIdentity.load(certificate, key), true);
    }

    /** A loaded certificate and whether it was made by this call. */
    public record Loaded(TlsIdentity identity, boolean created) {
    }

    static TlsIdentity generate(Set<String> names, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            String primary = names.iterator().next();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "AI Factory (self-signed)").addRDN(BCStyle.CN, primary).build();
            Instant now = clock.instant();
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.stream().map(SelfSignedCertificate::generalName).toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return TlsIdentity.of(List.of(certificate), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new TlsException("Cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** {@code host} (unless it is a wildcard address), this machine's name, and the loopback names. */
    static Set<String> names(String host) {
        Set<String> names = new LinkedHashSet<>();
        if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isBlank()) {
            names.add(host);
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            names.add(local.getCanonicalHostName());
        } catch (UnknownHostException e) {
            // A machine without a resolvable name of its own still gets a certificate for the others.
        }
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        return names;
    }

    private static GeneralName generalName(String name) {
        boolean ip = name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name);
    }

    private static void write(Path dir, TlsIdentity identity) {
        try {
            Files.createDirectories(dir);
            Path key = dir.resolve(KEY_FILE);
            writeOwnerOnly(key, pem("PRIVATE KEY", identity.encodedKey()));
            Path certificate = dir.resolve(CERTIFICATE_FILE);
            Path temporary = dir.resolve(CERTIFICATE_FILE + ".tmp");
            Files.writeString(temporary, pem("CERTIFICATE", identity.certificate().getEncoded()), StandardCharsets.US_ASCII);
            // The certificate appears last and whole: its presence means the pair is complete.
            Files.move(temporary, certificate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the self-signed certificate to " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsException("Cannot encode the self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
            // Without POSIX permissions (Windows): restrict to the owner as far as java.io.File can.
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
