package eu.aifactory.portal.app;

import eu.aifactory.portal.kiosk.DemoRestore;
import eu.aifactory.portal.shell.DemoFactory;

/** Boots the embedded demo factory (blocking); the seam between the portal and the reference server. */
@FunctionalInterface
public interface DemoFactoryStarter {

    Running start() throws Exception;

    /** A started factory, how to stop it and, for the kiosk, how to put it back to its seeded state (else null). */
    record Running(DemoFactory factory, AutoCloseable stopper, DemoRestore restore) {

        public Running(DemoFactory factory, AutoCloseable stopper) {
            this(factory, stopper, null);
        }
    }
}
