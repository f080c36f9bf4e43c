package eu.aifactory.portal.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's PIN is kept only as a salted PBKDF2 hash; wrong tries lock the prompt; the idle timer's phases. */
class KioskConfigTest {

    @TempDir
    Path dataDir;

    @Test
    void thePinIsStoredHashedWithSaltAndSurvivesARestart() throws Exception {
        KioskConfig config = KioskConfig.load(dataDir);
        assertThat(config.hasPin()).isFalse();
        config.setPin("482916".toCharArray());

        String stored = Files.readString(config.file());
        assertThat(stored).doesNotContain("482916").contains("pin.salt=", "pin.hash=", "PBKDF2WithHmacSHA256");
        KioskConfig again = KioskConfig.load(dataDir);
        assertThat(again.matches("482916".toCharArray())).isTrue();
        assertThat(again.matches("482917".toCharArray())).isFalse();

        KioskConfig other = KioskConfig.load(Files.createDirectories(dataDir.resolve("other")));
        other.setPin("482916".toCharArray());
        assertThat(Files.readString(other.file())).as("a fresh salt per PIN")
                .doesNotContain(stored.lines().filter(l -> l.startsWith("pin.hash=")).findFirst().orElseThrow());
    }

    @Test
    void aShortOrNonNumericPinIsRefused() {
        KioskConfig config = KioskConfig.load(dataDir);
        assertThatThrownBy(() -> config.setPin("123".toCharArray())).isInstanceOf(IllegalArgumentException.class);
        assertThat(KioskConfig.acceptable("12a4".toCharArray())).isFalse();
        assertThat(KioskConfig.acceptable("1234".toCharArray())).isTrue();
    }

    @Test
    void idleTimeAndLanguageAreKept() {
        KioskConfig config = KioskConfig.load(dataDir);
        assertThat(config.idle()).isEqualTo(Duration.ofSeconds(90));
        config.setIdle(Duration.ofSeconds(120));
        config.setLanguageMode(KioskConfig.LanguageMode.ENGLISH);
        KioskConfig again = KioskConfig.load(dataDir);
        assertThat(again.idle()).isEqualTo(Duration.ofSeconds(120));
        assertThat(again.languageMode()).isEqualTo(KioskConfig.LanguageMode.ENGLISH);
    }

    @Test
    void threeWrongTriesLockThePromptAndTheLockGrows() {
        AtomicLong now = new AtomicLong();
        PinGate gate = new PinGate(now::get);
        gate.wrong();
        gate.wrong();
        assertThat(gate.lockedForMs()).isZero();
        gate.wrong();
        assertThat(gate.lockedForMs()).isEqualTo(30_000);
        now.addAndGet(30_000);
        assertThat(gate.lockedForMs()).isZero();
        gate.wrong();
        assertThat(gate.lockedForMs()).isEqualTo(60_000);
        gate.right();
        assertThat(gate.lockedForMs()).isZero();
    }

    @Test
    void theIdleTimerCountsDownAfterTheIdleTimeAndActivityCancelsIt() {
        AtomicLong now = new AtomicLong();
        IdleTimer timer = new IdleTimer(now::get, Duration.ofSeconds(90));
        assertThat(timer.poll()).isEqualTo(IdleTimer.Phase.STOPPED);
        timer.start();
        now.addAndGet(89_999);
        assertThat(timer.poll()).isEqualTo(IdleTimer.Phase.WATCHING);
        now.addAndGet(1);
        assertThat(timer.poll()).isEqualTo(IdleTimer.Phase.COUNTDOWN);
        assertThat(timer.secondsLeft()).isEqualTo(10);
        timer.activity();
        assertThat(timer.poll()).isEqualTo(IdleTimer.Phase.WATCHING);
        now.addAndGet(100_000);
        assertThat(timer.poll()).isEqualTo(IdleTimer.Phase.EXPIRED);
        assertThat(timer.poll()).as("expired once, then stopped").isEqualTo(IdleTimer.Phase.STOPPED);
    }

    @Test
    void theAttractLoopAdvancesOnItsTimelineAndAlternatesLanguageAfterEachRound() {
        AtomicLong now = new AtomicLong();
        AttractLoop loop = new AttractLoop(now::get, KioskConfig.LanguageMode.ALTERNATE);
        assertThat(loop.locale().getLanguage()).isEqualTo("de");
        assertThat(loop.poll()).isFalse();
        for (AttractLoop.Scene expected : AttractLoop.Scene.values()) {
            assertThat(loop.scene()).isEqualTo(expected);
            now.addAndGet(AttractLoop.SCENE_MS);
            assertThat(loop.poll()).isTrue();
        }
        assertThat(loop.scene()).isEqualTo(AttractLoop.Scene.FACTORY_NOW);
        assertThat(loop.locale().getLanguage()).isEqualTo("en");
        loop.setMode(KioskConfig.LanguageMode.GERMAN);
        for (int i = 0; i < AttractLoop.Scene.values().length; i++) {
            loop.next();
        }
        assertThat(loop.locale().getLanguage()).isEqualTo("de");
    }
}
