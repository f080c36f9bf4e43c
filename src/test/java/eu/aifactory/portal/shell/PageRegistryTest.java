package eu.aifactory.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import eu.aifactory.portal.common.Page;
import eu.aifactory.portal.common.PageFactory;
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
}
