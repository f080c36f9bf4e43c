package eu.aifactory.server.workload;

import eu.aifactory.api.workload.Workload;
import eu.aifactory.api.workload.WorkloadEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The values of status reasons in the caller's language. Reasons are written in English and a client words their
 * code itself, but a value such as the site ("Munich (Tucherpark), DE") is the factory's own text: it is sent in the
 * form {@code text_translations} has for the caller's language, and as it is where there is none. The stored reason
 * text stays English, as documented.
 */
final class ReasonLanguage {

    private final Function<String, Map<String, String>> load;
    /** The translations are seeded by migrations and do not change while the factory runs. */
    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();

    ReasonLanguage(Function<String, Map<String, String>> load) {
        this.load = load;
    }

    Workload in(Workload w, Locale locale) {
        Map<String, String> forms = forms(locale);
        if (forms.isEmpty()) {
            return w;
        }
        List<Workload.StatusChange> history = w.history().stream().map(c -> new Workload.StatusChange(c.status(),
                c.reason(), c.at(), c.reasonCode(), values(c.reasonArgs(), forms))).toList();
        return new Workload(w.id(), w.name(), w.appId(), w.appVersion(), w.projectId(), w.submittedBy(),
                w.submittedByName(), w.planId(), w.priority(), w.parameters(), w.inputs(), w.status(), w.statusReason(),
                w.createdAt(), w.startedAt(), w.endedAt(), w.costEur(), w.energyKwh(), w.gpuHours(), history,
                w.statusReasonCode(), values(w.statusReasonArgs(), forms));
    }

    WorkloadEvent in(WorkloadEvent e, Locale locale) {
        Map<String, String> forms = forms(locale);
        return forms.isEmpty() || e.reasonArgs() == null ? e : new WorkloadEvent(e.id(), e.workloadId(), e.status(),
                e.statusReason(), e.at(), e.reasonCode(), values(e.reasonArgs(), forms));
    }

    private Map<String, String> forms(Locale locale) {
        String language = locale.getLanguage();
        return "en".equals(language) ? Map.of() : byLanguage.computeIfAbsent(language, load);
    }

    private static List<String> values(List<String> args, Map<String, String> forms) {
        return args == null ? null : args.stream().map(a -> a == null ? null : forms.getOrDefault(a, a)).toList();
    }
}
