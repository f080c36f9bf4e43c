package eu.aifactory.api.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1 over SHA-256: leaf hash {@code SHA-256(0x00 || leaf)}, interior node
 * {@code SHA-256(0x01 || left || right)}, the tree of n leaves split at the largest power of two below n. Root,
 * inclusion and consistency proofs and their verification (sections 2.1.3 and 2.1.4), over leaf hashes.
 */
public final class Merkle {

    public static final int HASH_LENGTH = 32;

    private Merkle() {
    }

    /** {@code SHA-256(0x00 || leaf)}. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(leaf);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** MTH of the tree whose leaf hashes are {@code leaves}; the empty tree's root is SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leaves) {
        return leaves.isEmpty() ? sha256().digest() : root(leaves, 0, leaves.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = splitPoint(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** PATH(index, D[n]) of section 2.1.3.1: the inclusion proof of leaf {@code index} in the tree of {@code leaves}. */
    public static List<byte[]> inclusionProof(int index, List<byte[]> leaves) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(index, leaves, 0, leaves.size(), path);
        return path;
    }

    private static void path(int m, List<byte[]> leaves, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = splitPoint(n);
        if (m < k) {
            path(m, leaves, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(m - k, leaves, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** PROOF(m, D[n]) of section 2.1.4.1: the consistency proof from the first {@code m} leaves to all of them. */
    public static List<byte[]> consistencyProof(int m, List<byte[]> leaves) {
        if (m < 0 || m > leaves.size()) {
            throw new IllegalArgumentException("tree size " + m + " is not within 0.." + leaves.size());
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < leaves.size()) {
            subproof(m, leaves, 0, leaves.size(), true, proof);
        }
        return proof;
    }

    private static void subproof(int m, List<byte[]> leaves, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(leaves, from, to));
            }
            return;
        }
        int k = splitPoint(n);
        if (m <= k) {
            subproof(m, leaves, from, from + k, complete, out);
            out.add(root(leaves, from + k, to));
        } else {
            subproof(m - k, leaves, from + k, to, false, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** Section 2.1.3.2: whether {@code proof} shows leaf hash {@code leaf} at {@code index} in the tree of {@code root}. */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leaf, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leaf;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Section 2.1.4.2: whether {@code proof} shows that the tree of {@code secondSize} leaves and root
     * {@code secondRoot} extends the tree of {@code firstSize} leaves and root {@code firstRoot}.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (firstSize < 0 || secondSize < firstSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            // Every tree extends the empty one.
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(firstSize) == 1) {
            path.add(0, firstRoot);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The largest power of two strictly below {@code n} (n at least 2). */
    private static int splitPoint(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
