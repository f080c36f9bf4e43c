package eu.aifactory.client.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.KeyRotation;
import eu.aifactory.client.trust.KeyPinning.Decision;
import eu.aifactory.client.trust.KeyPinning.Outcome;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyPinningTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Key a = new Key();
    private final Key b = new Key();
    private final Key c = new Key();
    private final Key intruder = new Key();

    @Test
    void firstContactPinsEveryPublishedKey() {
        Decision decision = KeyPinning.decide(Set.of(), set(List.of(a, b), List.of()));
        assertThat(decision.outcome()).isEqualTo(Outcome.FIRST_USE);
        assertThat(decision.pins()).containsExactly(a.kid(), b.kid());
        assertThat(decision.trusted()).isTrue();
    }

    @Test
    void unchangedKeysAreSame() {
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(a), List.of()));
        assertThat(decision.outcome()).isEqualTo(Outcome.SAME);
        assertThat(decision.pins()).containsExactly(a.kid());
        assertThat(decision.trustedKeys().kids()).containsExactly(a.kid());
    }

    @Test
    void aKeyNoLongerPublishedStaysPinned() {
        Decision decision = KeyPinning.decide(Set.of(a.kid(), b.kid()), set(List.of(b), List.of()));
        assertThat(decision.outcome()).isEqualTo(Outcome.SAME);
        assertThat(decision.pins()).containsExactlyInAnyOrder(a.kid(), b.kid());
    }

    @Test
    void aNewKeyVouchedForByThePinnedKeyIsARotation() {
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(a, b), List.of(a.rotateTo(b))));
        assertThat(decision.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(decision.pins()).containsExactlyInAnyOrder(a.kid(), b.kid());
        assertThat(decision.trustedKeys().kids()).containsExactlyInAnyOrder(a.kid(), b.kid());
        assertThat(decision.untrustedKids()).isEmpty();
    }

    @Test
    void chainsOfRotationsAreFollowedWhateverTheirOrder() {
        JwkSet fetched = set(List.of(a, b, c), List.of(b.rotateTo(c), a.rotateTo(b)));
        Decision decision = KeyPinning.decide(Set.of(a.kid()), fetched);
        assertThat(decision.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(decision.pins()).containsExactlyInAnyOrder(a.kid(), b.kid(), c.kid());
    }

    @Test
    void aNewKeyWithoutARotationRecordIsAChange() {
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(a, intruder), List.of()));
        assertThat(decision.outcome()).isEqualTo(Outcome.CHANGED_WITHOUT_ROTATION);
        assertThat(decision.trusted()).isFalse();
        assertThat(decision.untrustedKids()).containsExactly(intruder.kid());
        assertThat(decision.pins()).containsExactly(a.kid());
        assertThat(decision.trustedKeys().kids()).containsExactly(a.kid());
    }

    @Test
    void aSwappedKeyIsAChange() {
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(intruder), List.of()));
        assertThat(decision.outcome()).isEqualTo(Outcome.CHANGED_WITHOUT_ROTATION);
        assertThat(decision.trustedKeys().keys()).isEmpty();
    }

    @Test
    void aRotationRecordSignedByAnyoneButThePinnedKeyIsNotAccepted() {
        // The intruder claims "a rotated to intruder" but can only sign with its own key.
        KeyRotation forged = KeyRotation.sign(a.kid(), intruder.pair.getPrivate(), intruder.kid(), T0);
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(a, intruder), List.of(forged)));
        assertThat(decision.outcome()).isEqualTo(Outcome.CHANGED_WITHOUT_ROTATION);
        assertThat(decision.untrustedKids()).containsExactly(intruder.kid());
    }

    @Test
    void aRotationFromAnUnpinnedKeyIsNotAccepted() {
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(a, intruder, c), List.of(intruder.rotateTo(c))));
        assertThat(decision.outcome()).isEqualTo(Outcome.CHANGED_WITHOUT_ROTATION);
        assertThat(decision.untrustedKids()).containsExactlyInAnyOrder(intruder.kid(), c.kid());
    }

    @Test
    void aRotationRecordRedirectedToAnotherKeyIsNotAccepted() {
        KeyRotation genuine = a.rotateTo(b);
        KeyRotation redirected = new KeyRotation(genuine.from(), intruder.kid(), genuine.rotatedAt(), genuine.jws());
        Decision decision = KeyPinning.decide(Set.of(a.kid()), set(List.of(a, intruder), List.of(redirected)));
        assertThat(decision.outcome()).isEqualTo(Outcome.CHANGED_WITHOUT_ROTATION);
    }

    @Test
    void pinnedKeyMaterialVerifiesRotationsFromKeysTheFactoryNoLongerPublishes() {
        JwkSet pinned = set(List.of(a), List.of());
        JwkSet fetched = set(List.of(b), List.of(a.rotateTo(b)));
        assertThat(KeyPinning.decide(pinned, fetched).outcome()).isEqualTo(Outcome.ROTATED);
        // With kids alone the record cannot be checked, so the new key is not trusted.
        assertThat(KeyPinning.decide(Set.of(a.kid()), fetched).outcome()).isEqualTo(Outcome.CHANGED_WITHOUT_ROTATION);
    }

    @Test
    void anEmptyKeySetIsRefused() {
        assertThatThrownBy(() -> KeyPinning.decide(Set.of(a.kid()), set(List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JwkSet set(List<Key> keys, List<KeyRotation> rotations) {
        return new JwkSet(keys.stream().map(k -> k.jwk).toList(), rotations);
    }

    private static final class Key {
        final KeyPair pair;
        final Jwk jwk;

        Key() {
            try {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            jwk = Jwk.of(pair.getPublic(), T0);
        }

        String kid() {
            return jwk.kid();
        }

        KeyRotation rotateTo(Key next) {
            return KeyRotation.sign(kid(), pair.getPrivate(), next.kid(), T0.plusSeconds(3600));
        }
    }
}
