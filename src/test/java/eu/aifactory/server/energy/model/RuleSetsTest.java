package eu.aifactory.server.energy.model;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.server.db.Database;
import eu.aifactory.server.energy.EnergyStore;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule sets of migration V95 as the energy model reads them: versions, limits and the heat-network waiver. */
class RuleSetsTest {

    private static final LocalDate END_OF_2027 = LocalDate.of(2027, 12, 31);

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:rule-sets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private EnergyModel model() {
        return new EnergyStore(database.jdbi()).model();
    }

    @Test
    void theEnactedLawIsTheDefaultAndTheDraftIsMarkedProposed() {
        EnergyModel model = model();

        assertThat(model.defaultRuleSet().id()).isEqualTo("enefg-2023");
        assertThat(model.ruleSet("enefg-2026-draft").orElseThrow().status()).isEqualTo("PROPOSED");
        assertThat(model.ruleSet("enefg-2026-draft").orElseThrow().legalSource()).contains("9 April 2026");
    }

    @Test
    void theDraftRelaxesThePueLimitsOfNewAndExistingSites() {
        EnergyModel model = model();

        assertThat(model.limit("enefg-2023", "PUE", END_OF_2027).orElseThrow().threshold().value())
                .isEqualByComparingTo("1.2");
        assertThat(model.limit("enefg-2026-draft", "PUE", END_OF_2027).orElseThrow().threshold().value())
                .isEqualByComparingTo("1.3");
        database.jdbi().useHandle(h -> h.execute("UPDATE energy_sites SET enefg_class = 'EXISTING'"));
        EnergyModel existing = model();
        assertThat(existing.limit("enefg-2023", "PUE", END_OF_2027).orElseThrow().threshold().value())
                .isEqualByComparingTo("1.5");
        assertThat(existing.limit("enefg-2026-draft", "PUE", END_OF_2027).orElseThrow().threshold().value())
                .isEqualByComparingTo("1.6");
        assertThat(existing.limit("enefg-2026-draft", "PUE", LocalDate.of(2030, 12, 31)).orElseThrow().threshold()
                .value()).isEqualByComparingTo("1.4");
    }

    @Test
    void withoutAHeatNetworkWithin5kmOnlyTheDraftWaivesTheWasteHeatDuty() {
        assertThat(model().limit("enefg-2026-draft", "ERF", END_OF_2027).orElseThrow().waived()).isFalse();

        database.jdbi().useHandle(h -> h.execute("UPDATE energy_sites SET heat_network_within_5km = FALSE"));
        EnergyModel far = model();

        assertThat(far.limit("enefg-2026-draft", "ERF", END_OF_2027).orElseThrow().waived()).isTrue();
        assertThat(far.limit("enefg-2023", "ERF", END_OF_2027).orElseThrow().waived()).isFalse();
        assertThat(far.limit("enefg-2026-draft", "REF", END_OF_2027).orElseThrow().waived()).isFalse();
    }
}
