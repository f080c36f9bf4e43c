package eu.aifactory.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.tenant.Me;
import eu.aifactory.api.usage.BudgetLevel;
import eu.aifactory.api.usage.BudgetStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetLevelTest {

    private static final Me.Project PROJECT = new Me.Project("p", "Project");

    private static BudgetLevel level(String used, String budget) {
        return BudgetService.level(new BigDecimal(used), new BigDecimal(budget));
    }

    private static BudgetStatus status(String budgetEur, String budgetKwh, String spent, String committed, String kwh) {
        return BudgetService.status(PROJECT, "2026-11", new BudgetStore.Budget("p", "2026-11", new BigDecimal(budgetEur),
                        budgetKwh == null ? null : new BigDecimal(budgetKwh)), new BigDecimal(spent), new BigDecimal(committed),
                new BigDecimal(kwh), new BigDecimal(spent), false);
    }

    @Test
    void levelsStartExactlyAtFiftyEightyAndOneHundredPercent() {
        assertThat(level("49.99", "100.00")).isEqualTo(BudgetLevel.OK);
        assertThat(level("50.00", "100.00")).isEqualTo(BudgetLevel.WARN_50);
        assertThat(level("79.99", "100.00")).isEqualTo(BudgetLevel.WARN_50);
        assertThat(level("80.00", "100.00")).isEqualTo(BudgetLevel.WARN_80);
        assertThat(level("99.99", "100.00")).isEqualTo(BudgetLevel.WARN_80);
        assertThat(level("100.00", "100.00")).isEqualTo(BudgetLevel.EXCEEDED);
        assertThat(level("100.01", "100.00")).isEqualTo(BudgetLevel.EXCEEDED);
    }

    @Test
    void eightyPercentOfAnOddBudgetIsComparedWithoutRounding() {
        // 0.8 × 333.33 = 266.664: 266.66 is still below 80 %, 266.67 above.
        assertThat(level("266.66", "333.33")).isEqualTo(BudgetLevel.WARN_50);
        assertThat(level("266.67", "333.33")).isEqualTo(BudgetLevel.WARN_80);
    }

    @Test
    void percentCountsSpentAndCommittedAndIsRoundedDown() {
        BudgetStatus s = status("1000.00", null, "600.00", "199.99", "0");
        assertThat(s.percent()).isEqualByComparingTo("79.9");
        assertThat(s.level()).isEqualTo(BudgetLevel.WARN_50);
    }

    @Test
    void anEnergyBudgetRaisesTheLevelButAMissingOneDoesNot() {
        assertThat(status("1000.00", "100.000", "100.00", "0", "85.000").level()).isEqualTo(BudgetLevel.WARN_80);
        assertThat(status("1000.00", null, "100.00", "0", "85.000").level()).isEqualTo(BudgetLevel.OK);
    }

    @Test
    void aZeroBudgetIsUsedUpAndShowsAHundredPercent() {
        BudgetStatus s = status("0.00", null, "5.00", "0", "0");
        assertThat(s.level()).isEqualTo(BudgetLevel.EXCEEDED);
        assertThat(s.percent()).isEqualByComparingTo("100.0");
    }

    @Test
    void withoutABudgetNothingWarns() {
        BudgetStatus s = BudgetService.status(PROJECT, "2026-11", null, new BigDecimal("5000.00"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("5000.00"), false);
        assertThat(s.level()).isEqualTo(BudgetLevel.OK);
        assertThat(s.budgetEur()).isNull();
        assertThat(s.percent()).isNull();
    }
}
