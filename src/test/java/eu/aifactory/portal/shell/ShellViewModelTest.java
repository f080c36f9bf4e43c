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
        assertThat(viewModel.shortcutDigit(Destination.RESIDENCY)).isEqualTo(4);
    }

    @Test
    void anEngineerSeesNeitherUsageNorAdminAndSettingsIsCtrl5() {
        ShellViewModel viewModel = viewModel(List.of(Role.ENGINEER));
        assertThat(viewModel.destinations()).containsExactly(Destination.CATALOG, Destination.WORKLOADS,
                Destination.ENERGY, Destination.RESIDENCY, Destination.SETTINGS);
        assertThat(viewModel.shortcutDigit(Destination.SETTINGS)).isEqualTo(5);
        assertThat(viewModel.shortcutDigit(Destination.USAGE)).isZero();
        assertThat(viewModel.destinationForShortcut(5)).contains(Destination.SETTINGS);
        assertThat(viewModel.destinationForShortcut(6)).isEmpty();
        assertThat(viewModel.permissions().canSubmit()).isTrue();
    }

    @Test
    void anAccountManagerSeesUsageButNoAdminAndDoesNotSubmit() {
        ShellViewModel viewModel = viewModel(List.of(Role.ACCOUNT_MANAGER));
        assertThat(viewModel.destinations()).containsExactly(Destination.CATALOG, Destination.WORKLOADS,
                Destination.ENERGY, Destination.RESIDENCY, Destination.USAGE, Destination.SETTINGS);
        assertThat(viewModel.destinationForShortcut(5)).contains(Destination.USAGE);
        assertThat(viewModel.permissions().canSubmit()).isFalse();
    }

    @Test
    void aTenantAdminSeesEveryEntryWithAdminBeforeSettings() {
        ShellViewModel viewModel = viewModel(List.of(Role.TENANT_ADMIN));
        assertThat(viewModel.destinations()).containsExactly(Destination.values());
        assertThat(viewModel.shortcutDigit(Destination.ADMIN)).isEqualTo(6);
        assertThat(viewModel.shortcutDigit(Destination.SETTINGS)).isEqualTo(7);
    }

    @Test
    void navigatingToAPageTheRoleMayNotUseKeepsTheCurrentPage() {
        ShellViewModel viewModel = viewModel(List.of(Role.ENGINEER));
        viewModel.navigate(Page.ENERGY);
        assertThat(viewModel.navigate(Page.ADMIN)).isFalse();
        assertThat(viewModel.navigate(Page.USAGE)).isFalse();
        assertThat(viewModel.selectedProperty().get()).isEqualTo(Destination.ENERGY);
    }

    @Test
    void rolesAddUpForAUserWithSeveral() {
        ShellViewModel viewModel = viewModel(List.of(Role.ENGINEER, Role.ACCOUNT_MANAGER));
        assertThat(viewModel.destinations()).contains(Destination.USAGE).doesNotContain(Destination.ADMIN);
        assertThat(viewModel.permissions().canSubmit()).isTrue();
    }
}
