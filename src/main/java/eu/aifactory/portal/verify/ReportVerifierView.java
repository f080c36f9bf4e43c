package eu.aifactory.portal.verify;

import eu.aifactory.api.signing.VerificationResult;
import eu.aifactory.portal.common.TaskExecutor;
import eu.aifactory.portal.i18n.I18n;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict on a signed report opened from the desktop (file association, or a file given to the launcher): which
 * file, whether its signature holds, with which key and when it was signed, or why not.
 */
public final class ReportVerifierView extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(ReportVerifierView.class);

    private final I18n i18n;
    private final Label verdict = new Label();
    private final Label details = new Label();

    public ReportVerifierView(Path file, ReportVerification verification, TaskExecutor executor, I18n i18n) {
        super(12);
        this.i18n = i18n;
        setId("report-verifier");
        getStyleClass().add("report-verifier");
        Label heading = new Label();
        heading.textProperty().bind(i18n.binding("verify.heading"));
        heading.getStyleClass().add("title-3");
        Label name = new Label(file.toAbsolutePath().toString());
        name.setId("verify-file");
        name.setWrapText(true);
        verdict.setId("verify-verdict");
        verdict.setWrapText(true);
        verdict.setText(i18n.get("verify.checking"));
        details.setId("verify-details");
        details.setWrapText(true);
        getChildren().addAll(heading, name, verdict, details);
        executor.run(() -> verification.check(file), this::show, failure -> {
            LOG.warn("report {} not checked", file, failure);
            verdict.setText(i18n.get("verify.reason.malformed", failure.getMessage()));
        });
    }

    private void show(ReportVerification.Verdict outcome) {
        VerificationResult result = outcome.result();
        LOG.info("report verdict: {} for {} ({})", result.reason(), outcome.file(), result.message());
        getStyleClass().add(result.valid() ? "verify-valid" : "verify-invalid");
        verdict.setText(switch (result.reason()) {
            case VALID -> i18n.get("verify.valid", outcome.factory());
            case UNKNOWN_KEY -> i18n.get("verify.reason.unknownKey", result.kid());
            case BAD_SIGNATURE -> i18n.get("verify.reason.badSignature");
            case KEY_NOT_VALID_AT_SIGNING_TIME -> i18n.get("verify.reason.keyNotValid");
            case MALFORMED -> i18n.get("verify.reason.malformed", result.message());
        });
        if (result.kid() != null) {
            String signedAt = result.signedAt() == null ? "–" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(i18n.locale()).format(result.signedAt().atZone(ZoneId.systemDefault()));
            details.setText(i18n.get("verify.details", result.kid(), signedAt));
        }
    }
}
