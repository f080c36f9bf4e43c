package eu.aifactory.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.LocalizedText;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final ResourcePlan FOUR_B200 = new ResourcePlan("dgx-b200-x4", LocalizedText.of("DGX B200", "DGX B200"),
            "NVIDIA B200", "b200", 4, 140, 1000, 3000, new BigDecimal("58.00"));

    private static AppVersion licensedAt(String eurPerGpuHour) {
        return new AppVersion("1.0.0", null, List.of(), List.of(), List.of(), List.of(FOUR_B200.id()),
                eurPerGpuHour == null ? null : new BigDecimal(eurPerGpuHour), 60, 0.8);
    }

    @Test
    void anHourCostsThePlanRatePlusTheLicenceForEachGpu() {
        assertThat(Pricing.hourlyEur(FOUR_B200, licensedAt("1.25"))).isEqualByComparingTo("63.00");
        assertThat(Pricing.hourlyEur(FOUR_B200, licensedAt("1.25"), 2)).isEqualByComparingTo("60.50");
    }

    @Test
    void anApplicationWithoutLicencePriceCostsThePlanRateOnly() {
        assertThat(Pricing.hourlyEur(FOUR_B200, licensedAt(null))).isEqualByComparingTo("58.00");
    }

    @Test
    void runTimeIsChargedProRataToAHundredthOfACent() {
        BigDecimal ninetySeconds = Pricing.costEur(FOUR_B200, licensedAt("1.25"), 4, 90_000);
        assertThat(ninetySeconds).isEqualByComparingTo("1.5750");
        assertThat(ninetySeconds.scale()).isEqualTo(Pricing.CHARGE_SCALE);
        assertThat(Pricing.costEur(FOUR_B200, licensedAt("1.25"), 4, 1)).isEqualByComparingTo("0.0000");
    }
}
