package eu.aifactory.portal.kiosk;

import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.shell.DemoFactory;
import eu.aifactory.portal.shell.FactoryConnector;
import eu.aifactory.portal.shell.SessionManager;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What the kiosk needs from the composition root.
 *
 * @param millis the ticker the idle timer, the attract loop and the PIN lock read (a test moves it by hand)
 * @param leave  ends the portal once the operator left the kiosk with the PIN
 */
public record KioskServices(I18n i18n, TaskExecutor executor, SessionManager sessions, FactoryConnector connector,
                            DemoFactory.Launcher demoLauncher, DemoRestore restore, KioskConfig config, Clock clock,
                            LongSupplier millis, Runnable leave) {
}
