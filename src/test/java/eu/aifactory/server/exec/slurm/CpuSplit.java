package eu.aifactory.server.exec.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CPU of one side of the submit benchmark goes: this JVM (the benchmark's client), the factory's JVM split by
 * thread (group commit, Jetty, engine, JIT compilers, collector) and the Slurm daemons, read from {@code /proc}
 * (utime + stime; for slurmd also its exited children, the slurmstepd of each job). Taken at the start and the end of
 * a side's submit window and printed as cores used and CPU milliseconds per acknowledged submit.
 */
final class CpuSplit {

    private static final List<String> DAEMONS = List.of("slurmctld", "slurmrestd", "slurmd");
    private static final double TICKS_PER_SECOND = clockTicks();

    private final long wallNanos;
    private final double clientSeconds;
    private final double factorySeconds;
    private final Map<String, Stat> factoryThreads;
    private final Map<String, Double> daemonSeconds;

    private CpuSplit(long wallNanos, double clientSeconds, double factorySeconds, Map<String, Stat> factoryThreads,
                     Map<String, Double> daemonSeconds) {
        this.wallNanos = wallNanos;
        this.clientSeconds = clientSeconds;
        this.factorySeconds = factorySeconds;
        this.factoryThreads = factoryThreads;
        this.daemonSeconds = daemonSeconds;
    }

    /** A snapshot; {@code factory} is the factory's JVM, or null on the side without one. */
    static CpuSplit now(ProcessHandle factory) {
        Map<String, Stat> threads = new HashMap<>();
        double factorySeconds = 0;
        if (factory != null) {
            Path tasks = Path.of("/proc", Long.toString(factory.pid()), "task");
            try (var list = Files.list(tasks)) {
                list.forEach(task -> {
                    Stat stat = Stat.of(task.resolve("stat"));
                    if (stat != null) {
                        threads.put(task.getFileName().toString(), stat);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Stat process = Stat.of(factory.pid());
            factorySeconds = process == null ? 0 : process.seconds;
        }
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
        Stat client = Stat.of(ProcessHandle.current().pid());
        return new CpuSplit(System.nanoTime(), client == null ? 0 : client.seconds, factorySeconds, threads, daemons);
    }

    /** Prints the CPU used from {@code start} to this snapshot, per part, for {@code acknowledged} submits. */
    void print(String side, CpuSplit start, int acknowledged) {
        double wall = (wallNanos - start.wallNanos) / 1e9;
        Map<String, Double> parts = new LinkedHashMap<>();
        double client = clientSeconds - start.clientSeconds;
        parts.put("benchmark client JVM", client);
        double factory = factorySeconds - start.factorySeconds;
        List<Map.Entry<String, Double>> byThread = new ArrayList<>();
        if (!factoryThreads.isEmpty()) {
            Map<String, Double> groups = new LinkedHashMap<>();
            for (String group : List.of("group commit", "Jetty request threads", "engine (factory-slurm)",
                    "JIT compilers", "GC and VM thread", "other threads")) {
                groups.put(group, 0.0);
            }
            double threads = 0;
            for (Map.Entry<String, Stat> thread : factoryThreads.entrySet()) {
                Stat before = start.factoryThreads.get(thread.getKey());
                double seconds = thread.getValue().seconds - (before == null ? 0 : before.seconds);
                groups.merge(group(thread.getValue().name), seconds, Double::sum);
                threads += seconds;
                byThread.add(Map.entry(thread.getValue().name, seconds));
            }
            parts.put("factory JVM (all threads)", factory);
            groups.forEach((group, seconds) -> parts.put("  " + group, seconds));
            // Ticks are counted per thread and per process: the difference may round below zero.
            parts.put("  threads that ended", Math.max(0, factory - threads));
        }
        double slurm = 0;
        for (Map.Entry<String, Double> daemon : daemonSeconds.entrySet()) {
            double seconds = daemon.getValue() - start.daemonSeconds.getOrDefault(daemon.getKey(), 0.0);
            parts.put(daemon.getKey(), seconds);
            slurm += seconds;
        }
        parts.put("machine (client + factory + Slurm)", client + factory + slurm);
        System.out.printf(Locale.ROOT, "CPU, %s side (%.1f s wall, %d acknowledged):%n", side, wall, acknowledged);
        System.out.printf(Locale.ROOT, "  %-34s %8s %7s %12s%n", "part", "cpu s", "cores", "cpu ms/ack");
        parts.forEach((part, seconds) -> System.out.printf(Locale.ROOT, "  %-34s %8.1f %7.2f %12.3f%n", part, seconds,
                seconds / wall, acknowledged == 0 ? 0 : seconds * 1000 / acknowledged));
        if (!byThread.isEmpty()) {
            byThread.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            System.out.print("  busiest factory threads (cores):");
            byThread.stream().limit(6).forEach(t -> System.out.printf(Locale.ROOT, " %s %.2f;", t.getKey(),
                    t.getValue() / wall));
            System.out.println();
        }
    }

    /** By the kernel's thread name, which Linux cuts to 15 characters ("factory-group-commit" is "factory-group-c"). */
    private static String group(String thread) {
        if (thread.startsWith("factory-group-c")) {
            return "group commit";
        }
        if (thread.startsWith("JettyServerThre")) {
            return "Jetty request threads";
        }
        if (thread.startsWith("factory-slurm")) {
            return "engine (factory-slurm)";
        }
        if (thread.startsWith("C1 CompilerThre") || thread.startsWith("C2 CompilerThre")) {
            return "JIT compilers";
        }
        return thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")
                ? "GC and VM thread" : "other threads";
    }

    /** A process's name and CPU from /proc/pid/stat: utime + stime, and cutime + cstime of its exited children. */
    private record Stat(String name, double seconds, double childSeconds) {

        static Stat of(long pid) {
            return of(Path.of("/proc", Long.toString(pid), "stat"));
        }

        /** A process's or, under /proc/pid/task, a thread's; null once it has ended. */
        static Stat of(Path file) {
            try {
                String stat = Files.readString(file);
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
