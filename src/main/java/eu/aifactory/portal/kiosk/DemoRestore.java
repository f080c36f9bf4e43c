package eu.aifactory.portal.kiosk;

/** Puts the embedded demo factory back to its seeded state (blocking); the seam to the reference server. */
@FunctionalInterface
public interface DemoRestore {

    /** @return how many tables differed from the seeded state */
    int restore() throws Exception;
}
