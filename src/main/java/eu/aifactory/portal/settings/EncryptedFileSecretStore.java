package eu.aifactory.portal.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.aifactory.portal.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in one file encrypted with AES-256-GCM, for systems without an OS keyring. The 256-bit key lives in a
 * separate file readable only by the user (POSIX mode 600, or an owner-only ACL on Windows); every write uses a
 * fresh random 12-byte IV; both files are replaced atomically. An unreadable or tampered file counts as empty
 * (with a warning): the user signs in again instead of the portal failing to start.
 */
public final class EncryptedFileSecretStore implements SecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptedFileSecretStore.class);

    private static final byte[] MAGIC = "AIFPS1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "ai-factory-portal/secrets/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path secretsFile;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper mapper = new ObjectMapper();

    public EncryptedFileSecretStore(Path secretsFile, Path keyFile) {
        this.secretsFile = secretsFile;
        this.keyFile = keyFile;
    }

    @Override
    public synchronized Optional<String> read(String name) {
        return Optional.ofNullable(load().get(name));
    }

    @Override
    public synchronized void write(String name, String secret) {
        Map<String, String> secrets = load();
        secrets.put(name, secret);
        store(secrets);
    }

    @Override
    public synchronized void delete(String name) {
        Map<String, String> secrets = load();
        if (secrets.remove(name) == null) {
            return;
        }
        try {
            if (secrets.isEmpty()) {
                Files.deleteIfExists(secretsFile);
            } else {
                store(secrets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete secret file " + secretsFile, e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.ENCRYPTED_FILE;
    }

    private Map<String, String> load() {
        if (!Files.exists(secretsFile)) {
            return new TreeMap<>();
        }
        try {
            byte[] key = readKey();
            if (key == null) {
                LOG.warn("secret file {} has no usable key file, treating it as empty", secretsFile);
                return new TreeMap<>();
            }
            byte[] content = Files.readAllBytes(secretsFile);
            if (content.length < MAGIC.length + IV_BYTES
                    || !Arrays.equals(Arrays.copyOf(content, MAGIC.length), MAGIC)) {
                LOG.warn("secret file {} is not in the expected format, treating it as empty", secretsFile);
                return new TreeMap<>();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, content, MAGIC.length, IV_BYTES));
            cipher.updateAAD(AAD);
            int offset = MAGIC.length + IV_BYTES;
            byte[] json = cipher.doFinal(content, offset, content.length - offset);
            return new TreeMap<>(mapper.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // Never include the content in the message: it may be a token.
            LOG.warn("secret file {} cannot be decrypted ({}), treating it as empty", secretsFile, e.getClass().getSimpleName());
            return new TreeMap<>();
        }
    }

    private void store(Map<String, String> secrets) {
        try {
            byte[] key = readKey();
            if (key == null) {
                key = new byte[KEY_BYTES];
                random.nextBytes(key);
                writeOwnerOnly(keyFile, key);
            }
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            byte[] encrypted = cipher.doFinal(mapper.writeValueAsBytes(secrets));
            writeOwnerOnly(secretsFile, ByteBuffer.allocate(MAGIC.length + IV_BYTES + encrypted.length)
                    .put(MAGIC).put(iv).put(encrypted).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write secret file " + secretsFile, e);
        }
    }

    /** The key, or null when the key file is missing or not a 256-bit key. */
    private byte[] readKey() throws IOException {
        if (!Files.exists(keyFile)) {
            return null;
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            LOG.warn("key file {} does not hold a 256-bit key, ignoring it", keyFile);
            return null;
        }
        return key;
    }

    private static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, ".secret", ".tmp", ownerReadWrite())
                : Files.createTempFile(dir, ".secret", ".tmp");
        try {
            if (!posix) {
                restrictAclToOwner(temp);
            }
            Files.write(temp, content);
            AtomicFiles.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?> ownerReadWrite() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    /** On Windows: one ACL entry granting the owner full access, no inherited entries. */
    private static void restrictAclToOwner(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(file);
        acl.setAcl(List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build()));
    }

    @Override
    public String toString() {
        return "EncryptedFileSecretStore[" + secretsFile + "]";
    }
}
