package eu.aifactory.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.access.AccessRequest;
import eu.aifactory.api.access.AccessRequestState;
import eu.aifactory.api.report.ResidencyReport.AccessReason;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessRequestsViewModelTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final Instant ASKED = Instant.parse("2026-11-25T09:00:00Z");

    private final FakeFactoryClient fake = new FakeFactoryClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final ConnectionMonitor monitor = new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3);
    private final I18n i18n = new I18n(I18n.ENGLISH);

    private static AccessRequest request(String id, AccessRequestState state) {
        return new AccessRequest(id, "mp", "Müller", "mp-qs", "Qualitätssicherung Drehteile", "Log lines",
                AccessReason.HARDWARE_FAULT, "Drive reports media errors", "INC-1", "Jonas Berger",
                "Support engineer (2nd level)", "T-Systems International GmbH", "DE", "AT", 120, ASKED,
                ASKED.plusSeconds(86_400), state, null, null, null, null, 0);
    }

    @BeforeEach
    void requests() {
        fake.accessRequest(request("ar-1", AccessRequestState.PENDING)).accessRequest(request("ar-2", AccessRequestState.EXPIRED));
    }

    @Test
    void loadCountsThePendingRequestsAndWritesThemInPlainWords() {
        AccessRequestsViewModel viewModel = new AccessRequestsViewModel(fake, executor, monitor, i18n, true);
        viewModel.load();

        assertThat(viewModel.requests()).hasSize(2);
        assertThat(viewModel.pendingProperty().get()).isEqualTo(1);
        AccessRequest r = viewModel.requests().get(0);
        assertThat(viewModel.accessor(r)).isEqualTo("Jonas Berger (T-Systems International GmbH)");
        assertThat(viewModel.who(r)).isEqualTo(
                "Jonas Berger, Support engineer (2nd level), T-Systems International GmbH (office DE), working from AT");
        assertThat(viewModel.resource(r)).isEqualTo("Log lines (project Qualitätssicherung Drehteile)");
        assertThat(viewModel.reason(r)).isEqualTo("Hardware fault");
        assertThat(viewModel.duration(r)).isEqualTo("2 hours");
        assertThat(viewModel.decidable(r)).isTrue();
        assertThat(viewModel.decidable(viewModel.requests().get(1))).as("expired").isFalse();
        i18n.localeProperty().set(I18n.GERMAN);
        assertThat(viewModel.state(r)).isEqualTo("Wartet auf Entscheidung");
        assertThat(viewModel.duration(r)).isEqualTo("2 Stunden");
    }

    @Test
    void denyingNeedsACommentAndApprovingUpdatesTheList() {
        AccessRequestsViewModel viewModel = new AccessRequestsViewModel(fake, executor, monitor, i18n, true);
        viewModel.load();
        AccessRequest pending = viewModel.requests().get(0);

        assertThat(viewModel.deny(pending, "  ")).isFalse();
        assertThat(viewModel.commentErrorProperty().get()).startsWith("Say why you deny");
        assertThat(fake.calls()).doesNotContain("denyAccessRequest");

        viewModel.approve(pending, "call our IT first");
        assertThat(fake.calls()).contains("approveAccessRequest");
        assertThat(viewModel.commentErrorProperty().get()).isNull();
        assertThat(viewModel.requests().get(0).state()).isEqualTo(AccessRequestState.APPROVED);
        assertThat(viewModel.requests().get(0).comment()).isEqualTo("call our IT first");
        assertThat(viewModel.pendingProperty().get()).isZero();
        assertThat(viewModel.infoProperty().get()).isEqualTo("Access request of Jonas Berger approved.");
        assertThat(viewModel.decision(viewModel.requests().get(0))).startsWith("Approved by ").contains("call our IT first");

        viewModel.deny(viewModel.requests().get(0), "too late");
        assertThat(viewModel.errorProperty().get()).as("a decided request cannot be decided again").contains("APPROVED");
    }

    @Test
    void anAccountManagerOnlyReads() {
        AccessRequestsViewModel viewModel = new AccessRequestsViewModel(fake, executor, monitor, i18n, false);
        viewModel.load();
        assertThat(viewModel.decidable(viewModel.requests().get(0))).isFalse();
    }
}
