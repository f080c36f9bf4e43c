package eu.aifactory.server.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.aifactory.api.Json;
import eu.aifactory.api.signing.CompactJws;
import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.JwsSigner;
import eu.aifactory.api.signing.KeyRotation;
import eu.aifactory.api.signing.SignedDocument;
import eu.aifactory.api.transparency.TreeHead;
import eu.aifactory.api.signing.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The factory's Ed25519 signing key, kept outside the database.
 *
 * <p>On disk, in its own directory:
 * <ul>
 *   <li>{@code signing-key-<kid>.pem}: the current private key, PKCS#8 PEM, owner read/write only;</li>
 *   <li>{@code factory-keys.json}: the published key set (current and retired public keys, rotation records)
 *       plus {@code "current": "<kid>"}; public material only.</li>
 * </ul>
 * A directory the store creates itself is made owner-only too (POSIX; best effort elsewhere); a key file found
 * readable by others is restricted again on load. The first {@link #open} generates a key; later ones load it. {@link #rotate()} makes a new current key,
 * retires the old one (it stays published, so reports it signed still verify), records the rotation signed
 * by the old key, and then destroys the old private key. A store that finds a state file without its private
 * key, or key files without a state file, refuses to start rather than quietly minting a new key, which every
 * client would rightly report as a changed key.
 */
public final class SigningKeyStore {

    static final String STATE_FILE = "factory-keys.json";
    private static final String KEY_PREFIX = "signing-key-";
    private static final String KEY_SUFFIX = ".pem";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyStore.class);

    private final Path directory;
    private final Clock clock;
    private volatile State state;

    private record State(String currentKid, PrivateKey privateKey, JwkSet published) {
    }

    private SigningKeyStore(Path directory, Clock clock, State state) {
        this.directory = directory;
        this.clock = clock;
        this.state = state;
    }

    /** Opens the key store in {@code directory}, creating the directory and a first key if there is none. */
    public static SigningKeyStore open(Path directory) throws IOException {
        return open(directory, Clock.systemUTC());
    }

    public static SigningKeyStore open(Path directory, Clock clock) throws IOException {
        if (Files.notExists(directory)) {
            Files.createDirectories(directory);
            restrictToOwner(directory, OWNER_ONLY_DIRECTORY);
        }
        Path stateFile = directory.resolve(STATE_FILE);
        if (Files.exists(stateFile)) {
            State loaded = load(directory, stateFile);
            removeRetiredKeyFiles(directory, loaded.currentKid());
            LOG.info("Loaded factory signing key {} from {}", loaded.currentKid(), directory);
            return new SigningKeyStore(directory, clock, loaded);
        }
        List<Path> strayKeys = keyFiles(directory);
        if (!strayKeys.isEmpty()) {
            throw new IOException("found signing key files " + strayKeys + " but no " + STATE_FILE + " in " + directory
                    + "; refusing to create a new key. Restore " + STATE_FILE + " or remove the key files deliberately.");
        }
        SigningKeyStore store = new SigningKeyStore(directory, clock, null);
        store.state = store.firstKey();
        return store;
    }

    /** A store that keeps its keys in memory only, for tests and throw-away demo factories. */
    public static SigningKeyStore inMemory(Clock clock) {
        SigningKeyStore store = new SigningKeyStore(null, clock, null);
        try {
            store.state = store.firstKey();
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory store does no I/O", e);
        }
        return store;
    }

    public static SigningKeyStore inMemory() {
        return inMemory(Clock.systemUTC());
    }

    public String currentKid() {
        return state.currentKid();
    }

    /** The current public key. */
    public Jwk currentKey() {
        State current = state;
        return current.published().find(current.currentKid()).orElseThrow();
    }

    /** What {@code GET /.well-known/factory-keys} serves: every key ever used for signing, and the rotation records. */
    public JwkSet publishedKeys() {
        return state.published();
    }

    /** Signs {@code report} with the current key, now; see {@link SignedDocument} for the result's shape. */
    public ObjectNode sign(JsonNode report) {
        State current = state;
        return SignedDocument.sign(report, current.privateKey(), current.currentKid(), clock.instant());
    }

    /** The head of a tenant's transparency log, signed with the current key now. */
    public TreeHead signTreeHead(String tenantId, long treeSize, byte[] root) {
        State current = state;
        return TreeHead.sign(tenantId, treeSize, root, clock.instant(), current.privateKey(), current.currentKid());
    }

    /**
     * Signs with the current key, now, as a compact JWS with the payload inside ({@link CompactJws}). The payload is
     * made from the signing key's id, so a payload that names its key names the one that signed it, even during a rotation.
     */
    public String signCompact(Function<String, byte[]> payloadForKid) {
        State current = state;
        byte[] payload = payloadForKid.apply(current.currentKid());
        return CompactJws.sign(new JwsSigner(current.privateKey(), current.currentKid()), payload, clock.instant());
    }

    /**
     * Replaces the current key by a new one. The old public key stays published with {@code notAfter} and
     * {@code rotatedTo} set, a {@link KeyRotation} signed by the old key is published, and the old private key
     * is deleted.
     *
     * @return the new current key
     */
    public synchronized Jwk rotate() throws IOException {
        State old = state;
        Instant now = clock.instant();
        KeyPair pair = generateKeyPair();
        Jwk next = Jwk.of(pair.getPublic(), now);
        KeyRotation record = KeyRotation.sign(old.currentKid(), old.privateKey(), next.kid(), now);
        List<Jwk> keys = new ArrayList<>();
        for (Jwk key : old.published().keys()) {
            keys.add(key.kid().equals(old.currentKid()) ? key.retired(now, next.kid()) : key);
        }
        keys.add(next);
        List<KeyRotation> rotations = new ArrayList<>(old.published().rotations());
        rotations.add(record);
        State rotated = new State(next.kid(), pair.getPrivate(), new JwkSet(keys, rotations));
        if (directory != null) {
            // New key file first, then the state file as the commit point, then the old key is destroyed.
            writePrivateKey(directory, next.kid(), pair.getPrivate());
            writeState(directory, rotated);
            Files.deleteIfExists(keyFile(directory, old.currentKid()));
        }
        state = rotated;
        LOG.info("Rotated factory signing key {} -> {} (fingerprint {})", old.currentKid(), next.kid(), next.fingerprint());
        return next;
    }

    private State firstKey() throws IOException {
        KeyPair pair = generateKeyPair();
        Jwk key = Jwk.of(pair.getPublic(), clock.instant());
        State first = new State(key.kid(), pair.getPrivate(), JwkSet.of(key));
        if (directory != null) {
            writePrivateKey(directory, key.kid(), pair.getPrivate());
            writeState(directory, first);
            LOG.info("Generated factory signing key {} (fingerprint {}) in {}", key.kid(), key.fingerprint(), directory);
        }
        return first;
    }

    private static State load(Path directory, Path stateFile) throws IOException {
        JsonNode node = Json.mapper().readTree(Files.readAllBytes(stateFile));
        JwkSet published;
        try {
            published = JwkSet.fromJson(node);
        } catch (IllegalArgumentException e) {
            throw new IOException(stateFile + " is not a valid key set: " + e.getMessage(), e);
        }
        String currentKid = node.path("current").textValue();
        Jwk current = published.find(currentKid)
                .orElseThrow(() -> new IOException(stateFile + " names no current key among its keys"));
        Path keyFile = keyFile(directory, currentKid);
        if (Files.notExists(keyFile)) {
            throw new IOException("the private key " + keyFile + " for the published current key " + currentKid
                    + " is missing; refusing to create a new key");
        }
        tightenIfTooOpen(keyFile);
        PrivateKey privateKey = readPrivateKey(keyFile);
        State state = new State(currentKid, privateKey, published);
        requireMatchingPair(state, current, keyFile);
        return state;
    }

    /** Guards against a key file and a state file from different installations. */
    private static void requireMatchingPair(State state, Jwk current, Path keyFile) throws IOException {
        ObjectNode probe = JsonNodeFactory.instance.objectNode().put("probe", "key-pair-check");
        ObjectNode signed = SignedDocument.sign(probe, state.privateKey(), current.kid(), Instant.EPOCH);
        VerificationResult result = SignedDocument.verify(signed, JwkSet.of(new Jwk(current.kid(), current.x(), null, null, null)));
        if (!result.valid()) {
            throw new IOException("the private key in " + keyFile + " does not belong to the published key " + current.kid());
        }
    }

    private static void writeState(Path directory, State state) throws IOException {
        ObjectNode node = state.published().toJson();
        node.put("current", state.currentKid());
        Path target = directory.resolve(STATE_FILE);
        Path temp = directory.resolve(STATE_FILE + ".tmp");
        Files.write(temp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writePrivateKey(Path directory, String kid, PrivateKey key) throws IOException {
        Path file = keyFile(directory, kid);
        // Created with owner-only permissions from the start, so the key is never briefly readable by others.
        if (supportsPosix(directory)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } else {
            Files.createFile(file);
            restrictToOwner(file, OWNER_READ_WRITE);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold a PKCS#8 Ed25519 private key", e);
        }
    }

    private static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides Ed25519 since Java 15", e);
        }
    }

    static Path keyFile(Path directory, String kid) {
        // kids are base64url (A-Z a-z 0-9 - _), safe in file names on every platform.
        return directory.resolve(KEY_PREFIX + kid + KEY_SUFFIX);
    }

    private static List<Path> keyFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, KEY_PREFIX + "*" + KEY_SUFFIX)) {
            stream.forEach(files::add);
        }
        return files;
    }

    /** Key files of other kids are left over from a rotation interrupted after its commit point. */
    private static void removeRetiredKeyFiles(Path directory, String currentKid) throws IOException {
        Path current = keyFile(directory, currentKid);
        for (Path file : keyFiles(directory)) {
            if (!file.equals(current)) {
                Files.delete(file);
                LOG.info("Deleted private key file {} left over from an interrupted rotation", file.getFileName());
            }
        }
    }

    private static void tightenIfTooOpen(Path keyFile) throws IOException {
        if (supportsPosix(keyFile.getParent())) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_READ_WRITE.containsAll(permissions)) {
                LOG.warn("Private key file {} was accessible to others ({}); restricting it to its owner",
                        keyFile, PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(keyFile, OWNER_READ_WRITE);
            }
        }
    }

    private static void restrictToOwner(Path path, Set<PosixFilePermission> posixPermissions) throws IOException {
        if (supportsPosix(path)) {
            Files.setPosixFilePermissions(path, posixPermissions);
            return;
        }
        // Without POSIX permissions (Windows) the best the JDK offers: drop access for everyone, grant the owner.
        var file = path.toFile();
        boolean restricted = file.setReadable(false, false) & file.setReadable(true, true)
                & file.setWritable(false, false) & file.setWritable(true, true);
        if (!restricted) {
            LOG.warn("Could not restrict {} to its owner; protect the key directory with the operating system's ACLs", path);
        }
    }

    private static boolean supportsPosix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
