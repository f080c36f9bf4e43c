package eu.aifactory.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9162 tree against the Certificate Transparency reference vectors (leaves "", 00, 10, 2021, …; the roots,
 * audit paths and consistency proofs every CT implementation shares), and against an independent recursive
 * computation for every pair of sizes up to 40.
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).map(Merkle::leafHash).toList();
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsMatchTheReferenceVectorsForEverySizeUpToEight() {
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(Merkle.root(LEAVES.subList(0, n)))).as("size %d", n).isEqualTo(ROOTS.get(n));
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceVectors() {
        assertThat(hex(Merkle.inclusionProof(0, LEAVES))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(Merkle.inclusionProof(5, LEAVES))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(Merkle.verifyInclusion(5, 8, LEAVES.get(5), Merkle.inclusionProof(5, LEAVES), root(8))).isTrue();
        assertThat(Merkle.verifyInclusion(5, 8, LEAVES.get(4), Merkle.inclusionProof(5, LEAVES), root(8))).isFalse();
    }

    @Test
    void consistencyProofsMatchTheReferenceVectors() {
        assertThat(Merkle.consistencyProof(1, LEAVES.subList(0, 1))).isEmpty();
        assertThat(hex(Merkle.consistencyProof(1, LEAVES))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(Merkle.consistencyProof(6, LEAVES))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(Merkle.consistencyProof(2, LEAVES.subList(0, 5)))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(Merkle.verifyConsistency(6, 8, root(6), root(8), Merkle.consistencyProof(6, LEAVES))).isTrue();
        assertThat(Merkle.verifyConsistency(2, 5, root(2), root(5), Merkle.consistencyProof(2, LEAVES.subList(0, 5)))).isTrue();
    }

    @Test
    void everyProofAgreesWithAnIndependentComputationAndAChangedLeafBreaksIt() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(Merkle.leafHash(new byte[]{(byte) i, (byte) (i * 7)}));
        }
        for (int n = 1; n <= leaves.size(); n++) {
            List<byte[]> tree = leaves.subList(0, n);
            byte[] root = naiveRoot(tree);
            assertThat(Merkle.root(tree)).isEqualTo(root);
            for (int i = 0; i < n; i++) {
                assertThat(Merkle.verifyInclusion(i, n, tree.get(i), Merkle.inclusionProof(i, tree), root)).isTrue();
            }
            for (int m = 1; m <= n; m++) {
                byte[] older = naiveRoot(leaves.subList(0, m));
                List<byte[]> proof = Merkle.consistencyProof(m, tree);
                assertThat(Merkle.verifyConsistency(m, n, older, root, proof)).as("%d -> %d", m, n).isTrue();
                if (m < n) {
                    // The older tree with one leaf dropped: the same proof no longer ties it to the newer root.
                    List<byte[]> dropped = new ArrayList<>(leaves.subList(0, m + 1));
                    dropped.remove(m / 2);
                    assertThat(Merkle.verifyConsistency(m, n, naiveRoot(dropped), root, proof)).as("dropped %d -> %d", m, n)
                            .isFalse();
                }
            }
        }
    }

    /** MTH written straight from the definition, on its own: split at the largest power of two below n. */
    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return Merkle.nodeHash(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }

    private static byte[] root(int n) {
        return HEX.parseHex(ROOTS.get(n));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
