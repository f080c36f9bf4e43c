package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.client.FactoryUnreachableException;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.Session;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    private final I18n i18n = new I18n(Locale.UK);
    private final FakeFactoryClient factory = new FakeFactoryClient();
    private final ConnectionMonitor monitor = new ConnectionMonitor(new DirectTaskExecutor(),
            Clock.fixed(Instant.parse("2026-03-02T13:03:12Z"), ZoneId.of("UTC")), Duration.ofSeconds(5), 3);

    private ShellViewModel viewModel(List<Role> roles) {
        Me me = new Me(new Me.User("u1", "Thomas Müller", "t@example.de"), new Me.Tenant("t1", "Müller Präzisionsteile GmbH"),
                roles, List.of());
        return new ShellViewModel(new Session(URI.create("http://127.0.0.1:4000"), factory, me, true), i18n, monitor);
    }

    @Test
    void theHeaderNamesUserTenantAndRolesMostPowerfulFirstInTheCurrentLanguage() {
        ShellViewModel viewModel = viewModel(List.of(Role.ENGINEER, Role.TENANT_ADMIN));
        StringBinding roles = viewModel.roleText();
        assertThat(viewModel.userName()).isEqualTo("Thomas Müller");
        assertThat(viewModel.tenantName()).isEqualTo("Müller Präzisionsteile GmbH");
        assertThat(roles.get()).isEqualTo("Tenant administrator, Engineer");
        i18n.localeProperty().set(I18n.GERMAN);
        assertThat(roles.get()).isEqualTo("Mandanten-Administrator, Ingenieur");
    }

    @Test
    void theIndicatorTextFollowsTheConnectionAndShowsTheLastContact() {
        ShellViewModel viewModel = viewModel(List.of(Role.ENGINEER));
        StringBinding state = viewModel.connectionText();
        StringBinding lastContact = viewModel.lastContactText();
        assertThat(lastContact.get()).isEmpty();

        monitor.start(factory);
        assertThat(state.get()).isEqualTo("Online");
        assertThat(lastContact.get()).startsWith("Last contact ").contains(":03:12");

        monitor.report(new FactoryUnreachableException("refused", null));
        assertThat(state.get()).isEqualTo("Reconnecting \u2026");
        monitor.report(new FactoryUnreachableException("refused", null));
        monitor.report(new FactoryUnreachableException("refused", null));
        assertThat(state.get()).isEqualTo("Offline");

        i18n.localeProperty().set(I18n.GERMAN);
        assertThat(state.get()).isEqualTo("Offline");
        assertThat(lastContact.get()).startsWith("Letzter Kontakt ");
    }

    @Test
    void navigationStartsAtTheCatalogAndFollowsPageIds() {
        ShellViewModel viewModel = viewModel(List.of(Role.ENGINEER));
        assertThat(viewModel.selectedProperty().get()).isEqualTo(Destination.CATALOG);
        viewModel.navigate(Page.RESIDENCY);
        assertThat(viewModel.selectedProperty().get()).isEqualTo(Destination.RESIDENCY);
        assertThat(Destination.RESIDENCY.shortcutDigit()).isEqualTo(4);
    }
}
