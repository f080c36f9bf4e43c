package eu.aifactory.portal.app;

import javafx.application.Application;

/**
 * The entry point of the jar. It does not extend {@link Application}, so the portal starts from a plain classpath
 * (a shaded jar) without the JavaFX launcher's module check.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(PortalApp.class, args);
    }
}
