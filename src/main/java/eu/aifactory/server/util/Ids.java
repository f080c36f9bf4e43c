package eu.aifactory.server.util;

import java.security.SecureRandom;

/** Random identifiers: a short prefix and 20 characters of Crockford base32 (100 bits). */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[13];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + encode(bytes, 20);
    }

    /**
     * An id that sorts by creation time: 9 characters of {@code epochMs} (45 bits, good until the year 3084), then 11
     * random ones (55 bits). New rows then land at the end of every index that ends in the id, where a commit rewrites
     * one index page for many rows, instead of on a random page each.
     */
    public static String ordered(String prefix, long epochMs) {
        byte[] random = new byte[7];
        RANDOM.nextBytes(random);
        StringBuilder out = new StringBuilder(prefix.length() + 21).append(prefix).append('-');
        for (int shift = 40; shift >= 0; shift -= 5) {
            out.append(ALPHABET[(int) (epochMs >>> shift) & 31]);
        }
        return out.append(encode(random, 11)).toString();
    }

    /** A deterministic id from a seeded source, for demo data that must be the same on every installation. */
    public static String next(String prefix, java.util.Random random) {
        byte[] bytes = new byte[13];
        random.nextBytes(bytes);
        return prefix + "-" + encode(bytes, 20);
    }

    private static String encode(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
