package org.banso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Known answers from the Certificate Transparency reference code (google/certificate-transparency
 * merkle_tree_test.cc, as carried on by transparency-dev/merkle): eight leaves, the root of every prefix, and
 * published inclusion and consistency proofs. A tree that agrees with these is the RFC 6962 tree (R17).
 */
public class LogVerifierTest {

    public static final List<byte[]> LEAVES = hexes("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    static final List<byte[]> ROOTS = hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** {leaf index (0-based), tree size, proof…} */
    static final String[][] INCLUSION = {
            {"0", "1"},
            {"0", "8", "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {"5", "8", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
            {"2", "3", "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"},
            {"1", "5", "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}};

    /** {old size, new size, proof…} */
    static final String[][] CONSISTENCY = {
            {"1", "1"},
            {"1", "8", "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"},
            {"6", "8", "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"},
            {"2", "5", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"},
            {"6", "7", "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}};

    @Test
    void rootsOfEveryPrefixMatchTheCertificateTransparencyVectors() { // R17
        for (int n = 1; n <= 8; n++) {
            assertThat(LogVerifier.toHex(LogVerifier.rootOf(LEAVES.subList(0, n))))
                    .as("root of %d leaves", n).isEqualTo(LogVerifier.toHex(ROOTS.get(n - 1)));
        }
        assertThat(LogVerifier.toHex(LogVerifier.rootOf(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void publishedInclusionProofsVerifyAndAnyFlippedBitFails() { // R17
        for (String[] v : INCLUSION) {
            int index = Integer.parseInt(v[0]);
            int size = Integer.parseInt(v[1]);
            List<byte[]> proof = hexes(Arrays.copyOfRange(v, 2, v.length));
            byte[] leafHash = LogVerifier.leafHash(LEAVES.get(index));
            assertThat(LogVerifier.verifyInclusion(index, size, leafHash, proof, ROOTS.get(size - 1)))
                    .as("%d in %d", index, size).isTrue();
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> bad = flipped(proof, i, 3);
                assertThat(LogVerifier.verifyInclusion(index, size, leafHash, bad, ROOTS.get(size - 1))).isFalse();
            }
            assertThat(LogVerifier.verifyInclusion(index + 1, size, leafHash, proof, ROOTS.get(size - 1))).isFalse();
            assertThat(LogVerifier.verifyInclusion(index, size * 2L, leafHash, proof, ROOTS.get(size - 1))).isFalse();
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(ROOTS.get(size - 1));
            assertThat(LogVerifier.verifyInclusion(index, size, leafHash, longer, ROOTS.get(size - 1))).isFalse();
        }
    }

    @Test
    void publishedConsistencyProofsVerifyAndAnyFlippedBitFails() { // R17
        for (String[] v : CONSISTENCY) {
            int m = Integer.parseInt(v[0]);
            int n = Integer.parseInt(v[1]);
            List<byte[]> proof = hexes(Arrays.copyOfRange(v, 2, v.length));
            assertThat(LogVerifier.verifyConsistency(m, n, ROOTS.get(m - 1), ROOTS.get(n - 1), proof))
                    .as("%d → %d", m, n).isTrue();
            for (int i = 0; i < proof.size(); i++) {
                assertThat(LogVerifier.verifyConsistency(m, n, ROOTS.get(m - 1), ROOTS.get(n - 1),
                        flipped(proof, i, 4))).isFalse();
            }
            if (m != n) {
                assertThat(LogVerifier.verifyConsistency(m, n, ROOTS.get(n - 1), ROOTS.get(m - 1), proof)).isFalse();
                assertThat(LogVerifier.verifyConsistency(m, n, ROOTS.get(m - 1), ROOTS.get(n - 1), List.of()))
                        .isFalse();
            }
        }
        assertThat(LogVerifier.verifyConsistency(2, 1, ROOTS.get(1), ROOTS.get(0), List.of())).isFalse();
    }

    @Test
    void aCheckpointSignedByTheKeyOpensAndATamperedOneDoesNot() throws Exception { // R17
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        var key = LogVerifier.VerifierKey.of("banso.test/audit", Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        assertThat(LogVerifier.VerifierKey.parse(key.toString())).get().hasToString(key.toString());
        String body = LogVerifier.checkpointBody("banso.test/audit", 8, ROOTS.get(7));
        String note = sign(body, key, pair);

        var opened = LogVerifier.openCheckpoint(note, key);
        assertThat(opened).isPresent();
        assertThat(opened.get().size()).isEqualTo(8);
        assertThat(opened.get().root()).isEqualTo(ROOTS.get(7));

        assertThat(LogVerifier.openCheckpoint(note.replace("\n8\n", "\n9\n"), key)).isEmpty();
        String otherRoot = Base64.getEncoder().encodeToString(ROOTS.get(6));
        assertThat(LogVerifier.openCheckpoint(note.replace(Base64.getEncoder().encodeToString(ROOTS.get(7)),
                otherRoot), key)).isEmpty();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(LogVerifier.openCheckpoint(sign(body, key, stranger), key)).isEmpty();
        assertThat(LogVerifier.VerifierKey.parse(key.toString().replace("banso.test", "banso.evil"))).isEmpty();
    }

    /** Signs as the server does: "— name base64(key id || signature)". */
    static String sign(String body, LogVerifier.VerifierKey key, KeyPair pair) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        byte[] sig = signer.sign();
        byte[] line = new byte[68];
        System.arraycopy(key.keyId(), 0, line, 0, 4);
        System.arraycopy(sig, 0, line, 4, 64);
        return body + "\n\u2014 " + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    static List<byte[]> flipped(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>();
        proof.forEach(h -> copy.add(h.clone()));
        copy.get(element)[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    static List<byte[]> hexes(String... values) {
        return Arrays.stream(values).map(LogVerifier::hex).toList();
    }
}
