package eu.aifactory.server.exec.slurm;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CPU of one side of the submit benchmark goes: this JVM (split into the benchmark's client threads, the
 * factory's group-commit thread and the rest of the factory) and the Slurm daemons, read from {@code /proc/<pid>/stat}
 * (utime + stime; for slurmd also its exited children, the slurmstepd of each job). Taken at the start and the end of
 * a side's submit window and printed as cores used and CPU milliseconds per acknowledged submit.
 */
final class CpuSplit {

    /** Names the benchmark's client threads carry, so their CPU is told apart from the factory's. */
    static final String CLIENT_THREAD = "bench-client-";
    private static final List<String> DAEMONS = List.of("slurmctld", "slurmrestd", "slurmd");
    private static final double TICKS_PER_SECOND = clockTicks();

    private final long wallNanos;
    private final long processNanos;
    private final Map<Long, Long> threadNanos;
    private final Map<Long, String> threadNames;
    private final Map<String, Double> daemonSeconds;
    private final long jitMillis;
    private final long gcMillis;

    private CpuSplit(long wallNanos, long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames,
                     Map<String, Double> daemonSeconds, long jitMillis, long gcMillis) {
        this.wallNanos = wallNanos;
        this.processNanos = processNanos;
        this.threadNanos = threadNanos;
        this.threadNames = threadNames;
        this.daemonSeconds = daemonSeconds;
        this.jitMillis = jitMillis;
        this.gcMillis = gcMillis;
    }

    static CpuSplit now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long cpu = threads.getThreadCpuTime(thread.getId());
            if (cpu >= 0) {
                nanos.put(thread.getId(), cpu);
                names.put(thread.getId(), thread.getName());
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        Map<String, Double> daemons = new LinkedHashMap<>();
        for (String daemon : DAEMONS) {
            daemons.put(daemon, 0.0);
        }
        daemons.put("slurmd children", 0.0);
        ProcessHandle.allProcesses().forEach(p -> {
            Stat stat = Stat.of(p.pid());
            // By the kernel's name, not the executable's: Debian installs the daemons as slurmctld-wlm and slurmd-wlm.
            if (stat != null && DAEMONS.contains(stat.name)) {
                daemons.merge(stat.name, stat.seconds, Double::sum);
                if (stat.name.equals("slurmd")) {
                    daemons.merge("slurmd children", stat.childSeconds, Double::sum);
                }
            }
        });
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        return new CpuSplit(System.nanoTime(), process, nanos, names, daemons,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
    }

    /** Prints the CPU used from {@code start} to this snapshot, per part, for {@code acknowledged} submits. */
    void print(String side, CpuSplit start, int acknowledged) {
        double wall = (wallNanos - start.wallNanos) / 1e9;
        Map<String, Double> parts = new LinkedHashMap<>();
        double jvm = (processNanos - start.processNanos) / 1e9;
        Map<String, Double> groups = new LinkedHashMap<>();
        for (String group : List.of("client threads", "factory-group-commit", "Jetty request threads",
                "factory-slurm (engine)", "other Java threads")) {
            groups.put(group, 0.0);
        }
        double javaThreads = 0;
        List<Map.Entry<String, Double>> byThread = new ArrayList<>();
        for (Map.Entry<Long, Long> thread : threadNanos.entrySet()) {
            double seconds = (thread.getValue() - start.threadNanos.getOrDefault(thread.getKey(), 0L)) / 1e9;
            String name = threadNames.get(thread.getKey());
            groups.merge(group(name), seconds, Double::sum);
            javaThreads += seconds;
            byThread.add(Map.entry(name, seconds));
        }
        parts.put("JVM (all threads)", jvm);
        groups.forEach((group, seconds) -> parts.put("  " + group, seconds));
        // What no Java thread accounts for: the collector, the JIT compilers, threads that ended in the window.
        parts.put("  JVM internal (GC, JIT)", jvm - javaThreads);
        double slurm = 0;
        for (Map.Entry<String, Double> daemon : daemonSeconds.entrySet()) {
            double seconds = daemon.getValue() - start.daemonSeconds.getOrDefault(daemon.getKey(), 0.0);
            parts.put(daemon.getKey(), seconds);
            slurm += seconds;
        }
        parts.put("machine (JVM + Slurm)", jvm + slurm);
        System.out.printf(Locale.ROOT, "CPU, %s side (%.1f s wall, %d acknowledged):%n", side, wall, acknowledged);
        System.out.printf(Locale.ROOT, "  %-26s %8s %7s %12s%n", "part", "cpu s", "cores", "cpu ms/ack");
        parts.forEach((part, seconds) -> System.out.printf(Locale.ROOT, "  %-26s %8.1f %7.2f %12.3f%n", part, seconds,
                seconds / wall, acknowledged == 0 ? 0 : seconds * 1000 / acknowledged));
        // Elapsed, not CPU, times: they say which of the two the JVM's own share mostly is.
        System.out.printf(Locale.ROOT, "  JIT compiling %.1f s, GC pauses %.1f s (elapsed, all threads)%n",
                (jitMillis - start.jitMillis) / 1000.0, (gcMillis - start.gcMillis) / 1000.0);
        byThread.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        System.out.print("  busiest JVM threads (cores):");
        byThread.stream().limit(6).forEach(t -> System.out.printf(Locale.ROOT, " %s %.2f;", t.getKey(),
                t.getValue() / wall));
        System.out.println();
    }

    private static String group(String thread) {
        if (thread.startsWith(CLIENT_THREAD) || thread.startsWith("HttpClient-")) {
            return "client threads";
        }
        if (thread.equals("factory-group-commit")) {
            return thread;
        }
        if (thread.startsWith("JettyServerThreadPool")) {
            return "Jetty request threads";
        }
        return thread.startsWith("factory-slurm") ? "factory-slurm (engine)" : "other Java threads";
    }

    /** A process's name and CPU from /proc/pid/stat: utime + stime, and cutime + cstime of its exited children. */
    private record Stat(String name, double seconds, double childSeconds) {

        static Stat of(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // The name may hold spaces: the fields counted here (14–17) follow its closing parenthesis.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new Stat(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND,
                        (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                // The process ended between listing and reading: it adds nothing to this snapshot.
                return null;
            }
        }
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String ticks = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Double.parseDouble(ticks);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
