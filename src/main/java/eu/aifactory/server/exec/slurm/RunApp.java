package eu.aifactory.server.exec.slurm;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The reference factory's stand-in for an application image: what a Slurm job runs for a catalog app unless the
 * operator configured another command. It does a small but real computation on the workload's inputs: images are
 * thresholded and their blobs counted (visual inspection), numeric CSV columns get a least-squares trend and a
 * forecast (predictive maintenance, price and load forecasts), any other file its size and byte entropy. It prints
 * its progress to stdout and writes one result file per output slot into {@code $AIF_JOB_DIR/output}.
 *
 * <p>Uses only the JDK, so the factory's jar or class directory is its whole class path. Reads
 * {@code AIF_JOB_DIR}, {@code AIF_PARAMETERS} (the workload's parameters as JSON) and {@code AIF_OUTPUTS}
 * ({@code slot:kind,...}); the inputs are the files under {@code $AIF_JOB_DIR/inputs/<slot>/}.
 */
public final class RunApp {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    /** What the run found in one input file. */
    record Finding(String slot, String file, String type, long items, double measure, double trend, double forecast) {
    }

    private RunApp() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        String appId = args.length > 0 ? args[0] : "app";
        Path jobDir = Path.of(env("AIF_JOB_DIR", "."));
        String parameters = env("AIF_PARAMETERS", "{}");
        PrintStream out = System.out;
        out.println("run-app " + appId + ": parameters " + parameters);
        List<Path> inputs = inputs(jobDir.resolve("inputs"));
        out.println("run-app " + appId + ": " + inputs.size() + " input file" + (inputs.size() == 1 ? "" : "s"));
        double threshold = number(parameters, "confidenceThreshold", 0.5);
        int horizon = (int) number(parameters, "horizon", 12);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Path file = inputs.get(i);
            Finding finding = analyse(jobDir.resolve("inputs"), file, threshold, horizon);
            findings.add(finding);
            out.printf(Locale.ROOT, "progress %d%%: %s: %s, %d items, measure %.4f%n", (i + 1) * 100 / inputs.size(),
                    finding.file(), finding.type(), finding.items(), finding.measure());
        }
        Path output = jobDir.resolve("output");
        Files.createDirectories(output);
        String outputs = env("AIF_OUTPUTS", "");
        List<String> written = new ArrayList<>();
        for (String slot : outputs.isBlank() ? List.of("report:other") : List.of(outputs.split(","))) {
            String[] parts = slot.split(":", 2);
            String kind = parts.length > 1 ? parts[1] : "other";
            String name = parts[0] + ("resultset".equals(kind) || "dataset".equals(kind) ? ".csv" : ".json");
            Files.writeString(output.resolve(name), "resultset".equals(kind) || "dataset".equals(kind)
                    ? csv(findings) : json(appId, parameters, findings), StandardCharsets.UTF_8);
            written.add(name);
        }
        out.println("run-app " + appId + ": wrote " + String.join(", ", written));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static List<Path> inputs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A number-valued parameter of the workload's JSON parameters, or {@code fallback}. */
    static double number(String json, String name, double fallback) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(" + NUMBER.pattern() + ")").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }

    static Finding analyse(Path inputRoot, Path file, double threshold, int horizon) throws IOException {
        Path relative = inputRoot.relativize(file);
        String slot = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        String name = relative.toString();
        BufferedImage image = readImage(file);
        if (image != null) {
            return new Finding(slot, name, "image", blobs(image, threshold), darkShare(image, threshold), 0, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Double> series = series(new String(bytes, StandardCharsets.UTF_8));
        if (series.size() >= 2) {
            double[] fit = fit(series);
            double forecast = fit[0] + fit[1] * (series.size() - 1 + horizon);
            return new Finding(slot, name, "series", series.size(), fit[0], fit[1], forecast);
        }
        return new Finding(slot, name, "bytes", bytes.length, entropy(bytes), 0, 0);
    }

    private static BufferedImage readImage(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean dark(BufferedImage image, int x, int y, double threshold) {
        int rgb = image.getRGB(x, y);
        double grey = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
        return grey < threshold;
    }

    /** Counts 4-connected regions of pixels darker than {@code threshold} (0..1 of full brightness). */
    static long blobs(BufferedImage image, double threshold) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] seen = new boolean[w * h];
        long count = 0;
        ArrayDeque<int[]> todo = new ArrayDeque<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (seen[y * w + x] || !dark(image, x, y, threshold)) {
                    continue;
                }
                count++;
                seen[y * w + x] = true;
                todo.push(new int[] {x, y});
                while (!todo.isEmpty()) {
                    int[] p = todo.pop();
                    int[][] next = {{p[0] + 1, p[1]}, {p[0] - 1, p[1]}, {p[0], p[1] + 1}, {p[0], p[1] - 1}};
                    for (int[] n : next) {
                        if (n[0] >= 0 && n[0] < w && n[1] >= 0 && n[1] < h && !seen[n[1] * w + n[0]]
                                && dark(image, n[0], n[1], threshold)) {
                            seen[n[1] * w + n[0]] = true;
                            todo.push(n);
                        }
                    }
                }
            }
        }
        return count;
    }

    private static double darkShare(BufferedImage image, double threshold) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (dark(image, x, y, threshold)) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }

    /** The last number of each line that has one (a CSV's value column; header lines have none). */
    static List<Double> series(String text) {
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String last = null;
            Matcher m = NUMBER.matcher(line);
            while (m.find()) {
                last = m.group();
            }
            if (last != null) {
                values.add(Double.parseDouble(last));
            }
        }
        return values;
    }

    /** Least-squares line through (index, value): {intercept, slope}. */
    static double[] fit(List<Double> ys) {
        int n = ys.size();
        double meanX = (n - 1) / 2.0;
        double meanY = ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (ys.get(i) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {meanY - slope * meanX, slope};
    }

    private static double entropy(byte[] bytes) {
        long[] counts = new long[256];
        for (byte b : bytes) {
            counts[b & 0xff]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / bytes.length;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    private static String csv(List<Finding> findings) {
        StringBuilder out = new StringBuilder("input,type,items,measure,trend,forecast\n");
        for (Finding f : findings) {
            out.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f%n", f.file().replace(',', '_'), f.type(),
                    f.items(), f.measure(), f.trend(), f.forecast()));
        }
        return out.toString();
    }

    private static String json(String appId, String parameters, List<Finding> findings) {
        StringBuilder out = new StringBuilder("{\"app\":\"").append(appId).append("\",\"parameters\":").append(parameters)
                .append(",\"inputs\":[");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"file\":\"%s\",\"type\":\"%s\",\"items\":%d,\"measure\":%.6f,\"trend\":%.6f,\"forecast\":%.6f}",
                    f.file().replace("\\", "\\\\").replace("\"", "\\\""), f.type(), f.items(), f.measure(), f.trend(),
                    f.forecast()));
        }
        return out.append("]}\n").toString();
    }
}
