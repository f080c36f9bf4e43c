package eu.aifactory.portal.app;

import eu.aifactory.portal.shell.DemoFactory;

/** Boots the embedded demo factory (blocking); the seam between the portal and the reference server. */
@FunctionalInterface
public interface DemoFactoryStarter {

    Running start() throws Exception;

    /** A started factory and how to stop it. */
    record Running(DemoFactory factory, AutoCloseable stopper) {
    }
}
