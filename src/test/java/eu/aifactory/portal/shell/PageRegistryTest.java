package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.aifactory.portal.common.Page;
import eu.aifactory.api.tenant.Role;
import eu.aifactory.portal.common.PageFactory;
import eu.aifactory.portal.common.Permissions;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageRegistryTest {

    @Test
    void aMountedFeatureIsFoundAndTheOthersAreComingSoon() {
        PageFactory catalog = context -> null;
        PageRegistry registry = new PageRegistry().register(Page.CATALOG, catalog);
        assertThat(registry.factory(Page.CATALOG)).containsSame(catalog);
        assertThat(registry.factory(Page.ENERGY)).isEmpty();
    }

    @Test
    void onlyNavigationEntriesCanBeMounted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRegistry().register("reports", context -> null));
    }

    @Test
    void aPageIsOnlyBuiltForRolesThatMayUseIt() {
        PageFactory admin = context -> null;
        PageFactory usage = context -> null;
        PageRegistry registry = new PageRegistry().register(Page.ADMIN, admin).register(Page.USAGE, usage);
        Permissions engineer = new Permissions(Set.of(Role.ENGINEER));
        Permissions manager = new Permissions(Set.of(Role.ACCOUNT_MANAGER));
        Permissions tenantAdmin = new Permissions(Set.of(Role.TENANT_ADMIN));
        assertThat(registry.factory(Page.ADMIN, engineer)).isEmpty();
        assertThat(registry.factory(Page.USAGE, engineer)).isEmpty();
        assertThat(registry.factory(Page.ADMIN, manager)).isEmpty();
        assertThat(registry.factory(Page.USAGE, manager)).containsSame(usage);
        assertThat(registry.factory(Page.ADMIN, tenantAdmin)).containsSame(admin);
    }
}
