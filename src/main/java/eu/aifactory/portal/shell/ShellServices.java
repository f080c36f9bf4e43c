package eu.aifactory.portal.shell;

import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.settings.SecretStore;
import eu.aifactory.portal.settings.SettingsService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the window needs from the composition root.
 *
 * @param cacheDir where pages keep their offline copies
 * @param sso      signing in with the company account where a factory offers it
 */
public record ShellServices(I18n i18n, TaskExecutor executor, SettingsService settings, SecretStore secrets,
                            SessionManager sessions, ConnectionMonitor monitor, FactoryConnector connector,
                            DemoFactory.Launcher demoLauncher, PageRegistry pages, Path cacheDir,
                            Clock clock, SingleSignOn sso) {
}
