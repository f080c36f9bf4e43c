package eu.aifactory.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.api.audit.AuditAction;
import eu.aifactory.api.audit.AuditEntry;
import eu.aifactory.api.audit.AuditOutcome;
import eu.aifactory.portal.common.ConnectionMonitor;
import eu.aifactory.portal.common.FileExport;
import eu.aifactory.portal.i18n.I18n;
import eu.aifactory.portal.testing.DirectTaskExecutor;
import eu.aifactory.portal.testing.FakeFactoryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZONE);

    private final FakeFactoryClient fake = new FakeFactoryClient();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final AdminViewModel admin = new AdminViewModel(fake, executor,
            new ConnectionMonitor(executor, NOW, Duration.ofMinutes(5), 3), i18n, NOW, ZONE);
    private final AuditViewModel viewModel = admin.audit();

    @TempDir
    Path temp;

    @BeforeEach
    void trail() {
        // Newest first, as the factory answers: 150 submits on the 24th, then a refused token on the 20th.
        for (int i = 0; i < 150; i++) {
            fake.audit.add(entry("aud-s" + i, Instant.parse("2026-11-24T10:00:00Z").minusSeconds(i),
                    AuditAction.WORKLOAD_SUBMIT, AuditOutcome.OK, "u-anna", "Anna Schmidt"));
        }
        fake.audit.add(entry("aud-t", Instant.parse("2026-11-20T09:00:00Z"), AuditAction.TOKEN_CREATE,
                AuditOutcome.REFUSED, "u-bernd", "Bernd Acker"));
    }

    @Test
    void theTrailIsReadOnlyWhenTheTabIsFirstShownAPageAtATime() {
        assertThat(fake.calls()).doesNotContain("listAudit");

        viewModel.loadOnce();
        viewModel.loadOnce();

        assertThat(fake.callCount("listAudit")).isEqualTo(1);
        assertThat(viewModel.entries()).hasSize(AuditViewModel.PAGE_SIZE);
        assertThat(viewModel.moreProperty().get()).isTrue();
        viewModel.loadMore();
        assertThat(viewModel.entries()).hasSize(151);
        assertThat(viewModel.entries().get(150).userName()).isEqualTo("Bernd Acker");
        assertThat(viewModel.moreProperty().get()).isFalse();
    }

    @Test
    void eachFilterReadsTheTrailAgainFromTheTop() {
        viewModel.loadOnce();

        viewModel.outcomeProperty().set(AuditOutcome.REFUSED);

        assertThat(viewModel.entries()).extracting(AuditEntry::id).containsExactly("aud-t");
        viewModel.outcomeProperty().set(null);
        viewModel.userIdProperty().set("u-anna");
        assertThat(viewModel.entries()).hasSize(AuditViewModel.PAGE_SIZE).allMatch(e -> e.userId().equals("u-anna"));
        viewModel.userIdProperty().set(null);
        viewModel.actionProperty().set(AuditAction.TOKEN_CREATE);
        assertThat(viewModel.entries()).extracting(AuditEntry::id).containsExactly("aud-t");
        viewModel.actionProperty().set(null);
        viewModel.fromProperty().set(LocalDate.of(2026, 11, 20));
        viewModel.toProperty().set(LocalDate.of(2026, 11, 20));
        assertThat(viewModel.entries()).extracting(AuditEntry::id).containsExactly("aud-t");
    }

    @Test
    void aRefusalIsShownAsASentence() {
        fake.unreachable(true);

        viewModel.loadOnce();

        assertThat(viewModel.errorProperty().get()).contains("cannot be reached");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void theCsvExportWritesWhatTheFiltersMatchToTheChosenFile() throws IOException {
        viewModel.outcomeProperty().set(AuditOutcome.REFUSED);
        Path target = temp.resolve(viewModel.suggestedCsvName());

        viewModel.exportCsv(target);

        FileExport.Result result = viewModel.exportResultProperty().get();
        assertThat(result.ok()).isTrue();
        assertThat(target.getFileName()).hasToString("audit-2026-11-25.csv");
        assertThat(Files.readString(target)).isEqualTo("at,action,outcome\r\n2026-11-20T09:00:00Z,token.create,refused\r\n");
    }

    private static AuditEntry entry(String id, Instant at, AuditAction action, AuditOutcome outcome, String userId,
                                    String userName) {
        return new AuditEntry(id, at, action, outcome,
                outcome == AuditOutcome.REFUSED ? "https://aifactory.eu/problems/forbidden" : null, userId, userName,
                "tok-1", "10.0.0.7", "project", "p-line", "Linie Süd", null);
    }
}
