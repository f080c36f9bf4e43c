package eu.aifactory.api.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * What a release manifest announces: the newest portal version and where to get it. It travels as the signed part of
 * a {@link eu.aifactory.api.signing.SignedDocument}, the same form and the same check as the factory's reports:
 * <pre>{"report": {"product": "tenant-portal", "version": "0.2.0", "download": "https://…", "notes": "…"},
 *  "signature": {…}}</pre>
 *
 * @param version  dotted numbers, optionally with a qualifier ({@code 0.2.0}, {@code 1.0.0-rc1})
 * @param download an http(s) page or file where the user gets that version
 * @param notes    one line on what changed, or null
 */
public record ReleaseManifest(String version, URI download, String notes) {

    public static final String PRODUCT = "tenant-portal";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}(-[0-9A-Za-z.]+)?");

    /** Checks what a publisher gives: the same rules a portal applies when it reads the manifest. */
    public ReleaseManifest {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version missing or not dotted numbers: " + version);
        }
        if (download == null || download.getHost() == null
                || !("https".equalsIgnoreCase(download.getScheme()) || "http".equalsIgnoreCase(download.getScheme()))) {
            throw new IllegalArgumentException("download must be an http(s) URL: " + download);
        }
    }

    /** Reads the signed content; throws {@link IllegalArgumentException} for anything that is not a portal release. */
    public static ReleaseManifest fromJson(JsonNode report) {
        if (!PRODUCT.equals(report.path("product").textValue())) {
            throw new IllegalArgumentException("not a manifest of " + PRODUCT);
        }
        String version = report.path("version").textValue();
        String link = report.path("download").textValue();
        URI download;
        try {
            download = link == null ? null : URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("download is not a URL: " + link, e);
        }
        JsonNode notes = report.get("notes");
        return new ReleaseManifest(version, download, notes != null && notes.isTextual() ? notes.textValue() : null);
    }

    /** The content to sign, in the form {@link #fromJson} reads. */
    public ObjectNode toJson() {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("product", PRODUCT).put("version", version).put("download", download.toString());
        if (notes != null) {
            report.put("notes", notes);
        }
        return report;
    }

    /** Whether this release is newer than {@code current}; a build without a version counts as older than any. */
    public boolean isNewerThan(String current) {
        return current == null || compare(version, current) > 0;
    }

    /** Compares dotted numbers; on equal numbers a version with a qualifier ({@code -SNAPSHOT}, {@code -rc1}) is older. */
    public static int compare(String a, String b) {
        String[] numbersA = a.split("-", 2)[0].split("\\.");
        String[] numbersB = b.split("-", 2)[0].split("\\.");
        for (int i = 0; i < Math.max(numbersA.length, numbersB.length); i++) {
            long partA = i < numbersA.length ? parse(numbersA[i]) : 0;
            long partB = i < numbersB.length ? parse(numbersB[i]) : 0;
            if (partA != partB) {
                return Long.compare(partA, partB);
            }
        }
        return Boolean.compare(!a.contains("-"), !b.contains("-"));
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
