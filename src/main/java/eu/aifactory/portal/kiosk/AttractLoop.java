package eu.aifactory.portal.kiosk;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The attract loop's timeline: which scene is on and in which language. Each scene stays {@link #SCENE_MS}; after the
 * last the loop starts again, in the other language when the stand alternates. Pure logic on an injected ticker.
 */
public final class AttractLoop {

    /** The scenes, in the order they run. */
    public enum Scene { FACTORY_NOW, HIGHLIGHT, LIVE_WORKLOAD, RESIDENCY, QUESTION }

    public static final long SCENE_MS = 8_000;

    private final LongSupplier millis;
    private KioskConfig.LanguageMode mode;
    private Scene scene = Scene.FACTORY_NOW;
    private Locale locale;
    private long sceneStarted;

    public AttractLoop(LongSupplier millis, KioskConfig.LanguageMode mode) {
        this.millis = millis;
        this.mode = mode;
        this.locale = mode == KioskConfig.LanguageMode.ENGLISH ? Locale.UK : Locale.GERMANY;
        this.sceneStarted = millis.getAsLong();
    }

    /** Starts over at the first scene, now. */
    public void restart() {
        scene = Scene.FACTORY_NOW;
        sceneStarted = millis.getAsLong();
    }

    /** Looks at the ticker; answers true when the scene (or language) changed. */
    public boolean poll() {
        if (millis.getAsLong() - sceneStarted < SCENE_MS) {
            return false;
        }
        next();
        return true;
    }

    /** The next scene now (the presenter's key). */
    public void next() {
        int following = (scene.ordinal() + 1) % Scene.values().length;
        if (following == 0 && mode == KioskConfig.LanguageMode.ALTERNATE) {
            toggleLanguage();
        }
        scene = Scene.values()[following];
        sceneStarted = millis.getAsLong();
    }

    /** The scene before this one now (a swipe to the right); the language stays. */
    public void previous() {
        int count = Scene.values().length;
        scene = Scene.values()[(scene.ordinal() + count - 1) % count];
        sceneStarted = millis.getAsLong();
    }

    /** The other of German and English, for this loop. */
    public void toggleLanguage() {
        locale = locale.getLanguage().equals("de") ? Locale.UK : Locale.GERMANY;
    }

    public void setMode(KioskConfig.LanguageMode newMode) {
        mode = newMode;
        if (mode != KioskConfig.LanguageMode.ALTERNATE) {
            locale = mode == KioskConfig.LanguageMode.ENGLISH ? Locale.UK : Locale.GERMANY;
        }
    }

    public Scene scene() {
        return scene;
    }

    public Locale locale() {
        return locale;
    }
}
