package eu.aifactory.portal.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types application inputs declare, with the names people know them by and their file name endings.
 * The portal checks a file by its ending before it uploads anything, and a listed dataset by the type the factory
 * recorded (or, when that says nothing, by its name).
 */
public final class MediaTypes {

    /** A media type, the word for it ("PNG") and its endings without the dot. */
    public record Type(String mediaType, String label, List<String> extensions) {
    }

    private static final String UNKNOWN = "application/octet-stream";

    private static final List<Type> KNOWN = List.of(
            new Type("image/png", "PNG", List.of("png")),
            new Type("image/jpeg", "JPEG", List.of("jpg", "jpeg")),
            new Type("image/tiff", "TIFF", List.of("tif", "tiff")),
            new Type("application/zip", "ZIP", List.of("zip")),
            new Type("text/csv", "CSV", List.of("csv")),
            new Type("application/vnd.apache.parquet", "Parquet", List.of("parquet")),
            new Type("audio/wav", "WAV", List.of("wav")),
            new Type("application/pdf", "PDF", List.of("pdf")),
            new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", List.of("xlsx")),
            new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", List.of("docx")),
            new Type("text/html", "HTML", List.of("html", "htm")),
            new Type("text/markdown", "Markdown", List.of("md", "markdown")),
            new Type("model/step", "STEP", List.of("step", "stp")),
            new Type("model/stl", "STL", List.of("stl")));

    private MediaTypes() {
    }

    public static Optional<Type> find(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(t -> t.mediaType().equals(bare)
                || "image/x-png".equals(bare) && t.mediaType().equals("image/png")
                || "audio/x-wav".equals(bare) && t.mediaType().equals("audio/wav")
                || "application/x-zip-compressed".equals(bare) && t.mediaType().equals("application/zip")).findFirst();
    }

    /** The type of a file by its name's ending, or empty when the ending is not one of the known ones. */
    public static Optional<Type> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        String ending = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(t -> t.extensions().contains(ending)).findFirst();
    }

    /**
     * Whether a file with this recorded type and name is one of {@code accepted}; any file is when nothing is
     * declared. A recorded type the portal does not know ({@code application/octet-stream}) defers to the name.
     */
    public static boolean accepts(List<String> accepted, String recordedType, String fileName) {
        if (accepted == null || accepted.isEmpty()) {
            return true;
        }
        Optional<Type> type = recordedType == null || recordedType.isBlank() || recordedType.startsWith(UNKNOWN)
                ? ofFileName(fileName) : find(recordedType).or(() -> ofFileName(fileName));
        return type.map(t -> accepted.contains(t.mediaType())).orElse(false);
    }

    /** "PNG, JPEG, TIFF" for the declared types; unknown ones as declared. */
    public static String labels(List<String> mediaTypes) {
        return String.join(", ", mediaTypes.stream().map(m -> find(m).map(Type::label).orElse(m)).toList());
    }
}
