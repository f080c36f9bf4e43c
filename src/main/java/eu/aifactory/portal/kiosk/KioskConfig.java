package eu.aifactory.portal.kiosk;

import eu.aifactory.portal.common.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What the stand's operator set: the PIN (only its PBKDF2 hash with a random salt is kept), the idle time and the
 * language mode, in {@code kiosk.properties} of the portal's data directory.
 */
public final class KioskConfig {

    /** How the stand speaks: always German, always English, or German and English by turns. */
    public enum LanguageMode { GERMAN, ENGLISH, ALTERNATE }

    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(90);
    static final Duration MIN_IDLE = Duration.ofSeconds(30);
    static final int MIN_PIN_DIGITS = 4;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: slow enough that a stolen file does not give the PIN away. */
    static final int ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final Path file;
    private final Properties values = new Properties();

    private KioskConfig(Path file) {
        this.file = file;
    }

    /** The configuration in {@code dataDir/kiosk.properties}, empty when the kiosk never ran there. */
    public static KioskConfig load(Path dataDir) {
        KioskConfig config = new KioskConfig(dataDir.resolve("kiosk.properties"));
        if (Files.isRegularFile(config.file)) {
            try (Reader in = Files.newBufferedReader(config.file, StandardCharsets.UTF_8)) {
                config.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + config.file + ": " + e.getMessage(), e);
            }
        }
        return config;
    }

    public Path file() {
        return file;
    }

    public synchronized boolean hasPin() {
        return values.containsKey("pin.hash");
    }

    /** Whether {@code pin} can be the stand's PIN: at least four digits, digits only. */
    public static boolean acceptable(char[] pin) {
        if (pin.length < MIN_PIN_DIGITS) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Sets the PIN (slow: call it off the UI thread). */
    public synchronized void setPin(char[] pin) {
        if (!acceptable(pin)) {
            throw new IllegalArgumentException("The PIN needs at least " + MIN_PIN_DIGITS + " digits");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        values.setProperty("pin.algorithm", ALGORITHM);
        values.setProperty("pin.iterations", Integer.toString(ITERATIONS));
        values.setProperty("pin.salt", Base64.getEncoder().encodeToString(salt));
        values.setProperty("pin.hash", Base64.getEncoder().encodeToString(hash(pin, salt, ITERATIONS)));
        save();
    }

    /** Whether {@code pin} is the stand's PIN (slow: call it off the UI thread); false while none is set. */
    public boolean matches(char[] pin) {
        String salt;
        String hash;
        int iterations;
        synchronized (this) {
            if (!hasPin()) {
                return false;
            }
            salt = values.getProperty("pin.salt");
            hash = values.getProperty("pin.hash");
            iterations = Integer.parseInt(values.getProperty("pin.iterations"));
        }
        byte[] given = hash(pin, Base64.getDecoder().decode(salt), iterations);
        return MessageDigest.isEqual(given, Base64.getDecoder().decode(hash));
    }

    public synchronized Duration idle() {
        String seconds = values.getProperty("idle.seconds");
        return seconds == null ? DEFAULT_IDLE : Duration.ofSeconds(Long.parseLong(seconds));
    }

    public synchronized void setIdle(Duration idle) {
        if (idle.compareTo(MIN_IDLE) < 0) {
            throw new IllegalArgumentException("The idle time must be at least " + MIN_IDLE.toSeconds() + " s");
        }
        values.setProperty("idle.seconds", Long.toString(idle.toSeconds()));
        save();
    }

    public synchronized LanguageMode languageMode() {
        return LanguageMode.valueOf(values.getProperty("language", LanguageMode.ALTERNATE.name()));
    }

    public synchronized void setLanguageMode(LanguageMode mode) {
        values.setProperty("language", mode.name());
        save();
    }

    private static byte[] hash(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    private void save() {
        StringWriter out = new StringWriter();
        try {
            values.store(out, "AI Factory Portal kiosk: the PIN is kept only as a salted PBKDF2 hash");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(written, out.toString(), StandardCharsets.UTF_8);
            AtomicFiles.move(written, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "KioskConfig[" + file + ", pin " + (hasPin() ? "set" : "not set") + "]";
    }
}
