package eu.aifactory.server.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * 32 random bytes per installation, kept in {@code <dataDir>/install-secret} readable by the owner only.
 * Demo tokens are derived from it, so they survive restarts without being stored in clear.
 */
public final class InstallSecret {

    static final String FILE = "install-secret";
    private static final int LENGTH = 32;

    private InstallSecret() {
    }

    /** The installation's secret; a fresh random one when {@code dataDir} is null (in-memory factories). */
    public static byte[] load(Path dataDir) {
        if (dataDir == null) {
            return random();
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                byte[] secret = Files.readAllBytes(file);
                if (secret.length == LENGTH) {
                    return secret;
                }
                throw new IllegalStateException(file + " is damaged; delete it to issue new demo tokens");
            }
            Files.createDirectories(dataDir);
            byte[] secret = random();
            create(file);
            Files.write(file, secret, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return secret;
        } catch (FileAlreadyExistsException e) {
            return load(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
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
    }

    private static byte[] random() {
        byte[] secret = new byte[LENGTH];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
