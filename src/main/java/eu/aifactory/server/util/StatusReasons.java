package eu.aifactory.server.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes of the factory's status reasons. The executor, the submit and the demo history write each reason as
 * plain English; this catalog names every shape those texts take, so the API sends a code and its values beside the
 * text and a client can say the same in its user's language. Reasons stored before a code existed get theirs too,
 * and a text no pattern knows simply has no code. {@code StatusReasonsTest} checks every writer's text against it.
 */
public final class StatusReasons {

    /** A reason as a code and the values its text needs, in order. */
    public record Coded(String code, List<String> args) {
    }

    private record Shape(String code, Pattern pattern) {
    }

    private static final List<Shape> SHAPES = List.of(
            shape("queued", "waiting for the scheduler"),
            shape("waiting-gpus", "waiting for (\\d+) free (.+?) GPUs? \\(position (\\d+) in queue\\)"),
            shape("starting", "allocating (\\d+) x (.+) and pulling the application image"),
            shape("quota-reached", "project quota reached \\((\\d+) of (\\d+) GPUs in use\\)"),
            shape("running", "running on (\\d+) x (.+?) in (.+)"),
            shape("finished", "finished; (\\d+) result files? written"),
            shape("stopping", "stopping at the request of (.+)"),
            shape("cancelled-running", "cancelled on request after (\\d+) min of run time; charges stopped at the cancel"),
            shape("cancelled-queued", "cancelled on request before it started; nothing was charged"),
            shape("failed-ecc", "GPU (\\d+) reported an uncorrectable ECC memory error \\(Xid (\\d+)\\); "
                    + "the run was stopped to protect your results"),
            shape("failed-oom", "the run ran out of GPU memory; choose a smaller batch or input size, "
                    + "or a plan with more GPUs"),
            shape("failed-input", "(\\d+) files of the input dataset could not be read \\(corrupt or truncated\\); "
                    + "fix or remove them and submit again"),
            shape("failed-network", "the node lost its InfiniBand link and the run could not continue; "
                    + "nothing is charged after the failure"),
            shape("failed-plan-withdrawn", "the resource plan (.+) is no longer offered"),
            shape("slurm-pending", "Slurm job (\\d+(?:_\\d+)?) is waiting for the scheduler"),
            shape("slurm-resources", "Slurm job (\\d+(?:_\\d+)?) is waiting for free GPUs"),
            shape("slurm-priority", "Slurm job (\\d+(?:_\\d+)?) is waiting behind jobs of higher priority"),
            shape("slurm-limit", "Slurm job (\\d+(?:_\\d+)?) is held by a Slurm limit \\((.+)\\)"),
            shape("slurm-nodes", "Slurm job (\\d+(?:_\\d+)?) is waiting for nodes that are not available \\((.+)\\)"),
            shape("slurm-waiting", "Slurm job (\\d+(?:_\\d+)?) is waiting \\((.+)\\)"),
            shape("slurm-starting", "Slurm job (\\d+(?:_\\d+)?) is starting on (.+)"),
            shape("slurm-running", "running as Slurm job (\\d+(?:_\\d+)?) on (.+)"),
            shape("slurm-exit", "Slurm job (\\d+(?:_\\d+)?) exited with code (\\d+)"),
            shape("slurm-signal", "Slurm job (\\d+(?:_\\d+)?) was killed by signal (\\d+)"),
            shape("slurm-timeout", "Slurm job (\\d+(?:_\\d+)?) reached its time limit of (\\d+) min"),
            shape("slurm-node-fail", "the node running Slurm job (\\d+(?:_\\d+)?) failed"),
            shape("slurm-oom", "Slurm job (\\d+(?:_\\d+)?) ran out of memory"),
            shape("slurm-cancelled", "Slurm job (\\d+(?:_\\d+)?) was cancelled in Slurm"),
            shape("slurm-ended", "Slurm job (\\d+(?:_\\d+)?) ended in state (.+)"),
            shape("slurm-vanished", "Slurm no longer knows job (\\d+(?:_\\d+)?) and it left no exit record"),
            shape("slurm-refused", "Slurm refused the job: (.+)"),
            shape("failed", "the run failed"));

    private StatusReasons() {
    }

    private static Shape shape(String code, String regex) {
        return new Shape(code, Pattern.compile(regex));
    }

    /** The code of {@code reason}, or empty when it has none. */
    public static Optional<Coded> of(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(reason);
            if (m.matches()) {
                List<String> args = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    args.add(m.group(i));
                }
                return Optional.of(new Coded(shape.code(), List.copyOf(args)));
            }
        }
        return Optional.empty();
    }

    /** The reason of a workload that waits because its project holds {@code held} of its {@code limit} GPUs. */
    public static String quotaReached(int held, int limit) {
        return String.format(Locale.ROOT, "project quota reached (%d of %d GPUs in use)", held, limit);
    }

    public static String code(String reason) {
        return of(reason).map(Coded::code).orElse(null);
    }

    public static List<String> args(String reason) {
        return of(reason).map(Coded::args).orElse(null);
    }
}
