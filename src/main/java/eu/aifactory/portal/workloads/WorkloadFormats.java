package eu.aifactory.portal.workloads;

import eu.aifactory.api.workload.Priority;
import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadStatus;
import eu.aifactory.portal.i18n.I18n;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Status, priority and duration texts of the workloads feature, in the user's language. */
public final class WorkloadFormats {

    private WorkloadFormats() {
    }

    /** Keys of reason texts are this prefix and the factory's reason code, e.g. {@code waiting-gpus}. */
    static final String REASON_PREFIX = "workloads.reason.";
    private static final String SLURM_PREFIX = "slurm-";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,15}");

    /**
     * A status reason in the user's language: the text of the factory's reason code with its values, or the
     * factory's own (English) text when the portal does not know the code or there is none.
     */
    public static String reason(String code, List<String> args, String text, I18n i18n) {
        if (code != null) {
            String key = REASON_PREFIX + code;
            // Slurm's values (job ids such as 31045 or 31045_7, exit codes) are shown as squeue and Slurm print them.
            boolean verbatim = code.startsWith(SLURM_PREFIX);
            Object[] values = args == null ? new Object[0] : args.stream()
                    .map(a -> !verbatim && a != null && WHOLE_NUMBER.matcher(a).matches() ? (Object) Long.valueOf(a) : a)
                    .toArray();
            String translated = i18n.get(key, values);
            if (!translated.equals("!" + key + "!")) {
                return translated;
            }
        }
        return text == null ? "" : text;
    }

    public static String reason(Workload w, I18n i18n) {
        return reason(w.statusReasonCode(), w.statusReasonArgs(), w.statusReason(), i18n);
    }

    public static String reason(Workload.StatusChange change, I18n i18n) {
        return reason(change.reasonCode(), change.reasonArgs(), change.reason(), i18n);
    }

    public static String status(WorkloadStatus status, I18n i18n) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case QUEUED -> i18n.get("workloads.status.queued");
            case STARTING -> i18n.get("workloads.status.starting");
            case RUNNING -> i18n.get("workloads.status.running");
            case CANCELLING -> i18n.get("workloads.status.cancelling");
            case SUCCEEDED -> i18n.get("workloads.status.succeeded");
            case FAILED -> i18n.get("workloads.status.failed");
            case CANCELLED -> i18n.get("workloads.status.cancelled");
        };
    }

    /** The CSS class that colours a status: {@code status-running}, {@code status-failed}, ... */
    public static String statusStyle(WorkloadStatus status) {
        return "status-" + status.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String priority(Priority priority, I18n i18n) {
        if (priority == null) {
            return "";
        }
        return switch (priority) {
            case LOW -> i18n.get("workloads.priority.low");
            case NORMAL -> i18n.get("workloads.priority.normal");
            case HIGH -> i18n.get("workloads.priority.high");
        };
    }

    /** "45 s", "12 min", "3 h 05 min", "2 d 4 h": as precise as a person reads a run time. */
    public static String duration(Duration duration, I18n i18n) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return i18n.get("workloads.duration.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return i18n.get("workloads.duration.minutes", minutes);
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return i18n.get("workloads.duration.hours", hours, String.format("%02d", minutes % 60));
        }
        return i18n.get("workloads.duration.days", hours / 24, hours % 24);
    }
}
