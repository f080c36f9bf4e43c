package eu.aifactory.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The factory's TLS certificate chain (server certificate first) and its private key, read from PEM files and
 * checked to belong together before the factory listens, so a wrong file is an error at start, not a failed
 * handshake for every client.
 */
public final class TlsIdentity {

    private static final String ALIAS = "factory";

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private TlsIdentity(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    /**
     * Reads a PEM certificate chain and a PEM private key (PKCS#8 {@code BEGIN PRIVATE KEY}; the older
     * {@code BEGIN RSA/EC PRIVATE KEY} forms are read too).
     *
     * @throws TlsException naming the file and the fault: unreadable, no certificate or key in it, an encrypted key,
     *                      or a key that does not belong to the first certificate
     */
    public static TlsIdentity load(Path certificatePem, Path keyPem) {
        List<X509Certificate> chain = readChain(certificatePem);
        PrivateKey key = readKey(keyPem);
        X509Certificate leaf = chain.get(0);
        if (!belongTogether(key, leaf.getPublicKey())) {
            throw new TlsException("The private key in " + keyPem + " does not belong to the certificate in "
                    + certificatePem + " (" + leaf.getSubjectX500Principal().getName()
                    + "); the server's own certificate must come first in the file");
        }
        return new TlsIdentity(chain, key);
    }

    static TlsIdentity of(List<X509Certificate> chain, PrivateKey key) {
        return new TlsIdentity(chain, key);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The server certificate's SHA-256 fingerprint, as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    /** Upper-case hex pairs joined by colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An in-memory key store holding the key and chain, for the HTTPS connector, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("Cannot hold the TLS key in a key store: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readChain(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (NoSuchFileException e) {
            throw new TlsException("The TLS certificate file " + file + " does not exist");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsException("The TLS certificate file " + file + " cannot be read: " + reason(e), e);
        }
        if (chain.isEmpty()) {
            throw new TlsException("The TLS certificate file " + file
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey readKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo || item instanceof PEMEncryptedKeyPair) {
                    throw new TlsException("The TLS key file " + file + " holds an encrypted key; the factory needs it "
                            + "unencrypted (openssl pkey -in " + file + " -out key.pem) and readable only by its user");
                }
            }
        } catch (NoSuchFileException e) {
            throw new TlsException("The TLS key file " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            if (e instanceof TlsException tls) {
                throw tls;
            }
            throw new TlsException("The TLS key file " + file + " cannot be read: " + reason(e), e);
        }
        throw new TlsException("The TLS key file " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** Signs a random challenge with the key and checks it with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "ED25519", "EDDSA" -> "Ed25519";
            default -> throw new TlsException("Unsupported TLS key algorithm " + key.getAlgorithm()
                    + "; use an RSA or EC key");
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The private key in PKCS#8 DER, for writing a generated key to its file. */
    byte[] encodedKey() {
        return key.getEncoded();
    }
}
