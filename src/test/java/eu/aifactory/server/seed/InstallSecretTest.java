package eu.aifactory.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.tenant.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallSecretTest {

    @TempDir
    Path dir;

    @Test
    void theSecretIsCreatedOnceReadableByTheOwnerOnlyAndThenReused() throws Exception {
        byte[] first = InstallSecret.load(dir);
        byte[] again = InstallSecret.load(dir);
        assertThat(first).hasSize(32).isEqualTo(again);
        Path file = dir.resolve(InstallSecret.FILE);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void derivedTokensAreStablePerUserAndSecret() {
        byte[] secret = InstallSecret.load(dir);
        assertThat(Tokens.derived(secret, "anna")).isEqualTo(Tokens.derived(secret, "anna"))
                .isNotEqualTo(Tokens.derived(secret, "ben")).startsWith("afp_").hasSize(4 + 43);
        assertThat(Tokens.derived(InstallSecret.load(null), "anna")).isNotEqualTo(Tokens.derived(secret, "anna"));
        assertThat(Tokens.hash("afp_x")).hasSize(64).doesNotContain("afp_x");
        assertThat(Tokens.displayPrefix(Tokens.derived(secret, "anna"))).hasSize(8);
    }
}
