package eu.aifactory.portal.common;

/**
 * A signing key's SHA-256 fingerprint (grouped hex, "02FC 0AEE 19B4 … 0399") shortened to what a person compares at a
 * glance: the first two groups and the last. One form for every place that names a key, so they can be compared.
 */
public final class KeyFingerprint {

    private KeyFingerprint() {
    }

    /** "02FC 0AEE … 0399", or the whole fingerprint when it has two groups or fewer; "" for none. */
    public static String shortForm(String fingerprint) {
        if (fingerprint == null) {
            return "";
        }
        String[] groups = fingerprint.split(" ");
        return groups.length <= 2 ? fingerprint : groups[0] + " " + groups[1] + " \u2026 " + groups[groups.length - 1];
    }
}
