package eu.aifactory.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {

    private static final String TOKEN = "afp_live_3f9c2a7b1d8e4c6f0a5b9d2e7c1f4a8b";

    @TempDir
    Path dir;

    private Path secrets() {
        return dir.resolve("secrets.enc");
    }

    private Path key() {
        return dir.resolve("secrets.key");
    }

    private EncryptedFileSecretStore store() {
        return new EncryptedFileSecretStore(secrets(), key());
    }

    @Test
    void aSecretSurvivesARoundTripThroughANewInstance() {
        store().write("token@https://factory.example.eu", TOKEN);
        assertThat(store().read("token@https://factory.example.eu")).contains(TOKEN);
        assertThat(store().read("token@https://other.example.eu")).isEmpty();
    }

    @Test
    void theFileDoesNotContainTheToken() throws IOException {
        store().write("token@https://factory.example.eu", TOKEN);
        byte[] content = Files.readAllBytes(secrets());
        assertThat(contains(content, TOKEN.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(content, TOKEN.getBytes(StandardCharsets.UTF_16LE))).isFalse();
        assertThat(contains(Files.readAllBytes(key()), TOKEN.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("factory.example.eu");
    }

    @Test
    void everyWriteUsesAFreshIv() throws IOException {
        EncryptedFileSecretStore store = store();
        store.write("a", TOKEN);
        byte[] first = Files.readAllBytes(secrets());
        store.write("a", TOKEN);
        byte[] second = Files.readAllBytes(secrets());
        assertThat(Arrays.copyOfRange(first, 6, 18)).isNotEqualTo(Arrays.copyOfRange(second, 6, 18));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void signOutDeletesTheSecretAndTheEmptyFile() {
        EncryptedFileSecretStore store = store();
        store.write("a", TOKEN);
        store.write("b", "other");
        store.delete("a");
        assertThat(store.read("a")).isEmpty();
        assertThat(store.read("b")).contains("other");
        store.delete("b");
        assertThat(Files.exists(secrets())).isFalse();
    }

    @Test
    void aCorruptFileIsTreatedAsEmptyAndCanBeWrittenAgain() throws IOException {
        store().write("a", TOKEN);
        byte[] content = Files.readAllBytes(secrets());
        content[content.length - 3] ^= 0x5a;
        Files.write(secrets(), content);

        assertThat(store().read("a")).isEmpty();

        store().write("a", "new");
        assertThat(store().read("a")).contains("new");
    }

    @Test
    void garbageOrAMissingKeyIsTreatedAsAbsent() throws IOException {
        Files.writeString(secrets(), "not encrypted at all");
        assertThat(store().read("a")).isEmpty();

        store().write("a", TOKEN);
        Files.delete(key());
        assertThat(store().read("a")).isEmpty();

        Files.write(key(), new byte[] {1, 2, 3});
        assertThat(store().read("a")).isEmpty();
    }

    @Test
    void aKeyFromAnotherInstallationCannotDecrypt() throws IOException {
        store().write("a", TOKEN);
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        Files.write(key(), otherKey);
        assertThat(store().read("a")).isEmpty();
    }

    @Test
    void keyAndSecretsAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        store().write("a", TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets()))).isEqualTo("rw-------");
    }

    @Test
    void toStringNamesTheFileNotTheSecrets() {
        EncryptedFileSecretStore store = store();
        store.write("a", TOKEN);
        assertThat(store.toString()).doesNotContain(TOKEN);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
