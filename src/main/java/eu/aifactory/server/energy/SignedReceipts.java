package eu.aifactory.server.energy;

import eu.aifactory.api.ProblemType;
import eu.aifactory.api.report.EnergyReceipt;
import eu.aifactory.api.report.EnergyReceiptSummary;
import eu.aifactory.api.report.SignedEnergyReceipt;
import eu.aifactory.server.http.ProblemException;
import eu.aifactory.server.signing.SigningKeyStore;
import eu.aifactory.server.tenant.Principal;
import java.nio.charset.StandardCharsets;

/**
 * The take-away form of an energy receipt: its summary signed with the key the residency reports are signed with,
 * so the published keys ({@code /.well-known/factory-keys}) check both. Only a finished run has a final receipt.
 */
public final class SignedReceipts {

    private final EnergyService energy;
    private final SigningKeyStore keys;

    public SignedReceipts(EnergyService energy, SigningKeyStore keys) {
        this.energy = energy;
        this.keys = keys;
    }

    /** The caller's workload's receipt summary, signed now; 404 for a workload the caller cannot see, 409 before its end. */
    public SignedEnergyReceipt sign(Principal principal, String workloadId) {
        EnergyReceipt receipt = energy.receipt(principal, workloadId);
        if (!receipt.status().isTerminal() || receipt.start() == null || receipt.end() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "problem.energy.notFinished", workloadId);
        }
        EnergyReceiptSummary[] summary = new EnergyReceiptSummary[1];
        String jws = keys.signCompact(kid -> {
            summary[0] = new EnergyReceiptSummary(receipt.workloadId(), receipt.site(), receipt.start(), receipt.end(),
                    receipt.facilityKwh(), receipt.co2eKgLocationBased(), kid);
            return summary[0].text().getBytes(StandardCharsets.UTF_8);
        });
        return new SignedEnergyReceipt(summary[0], jws);
    }
}
