package eu.aifactory.client.trust;

import eu.aifactory.api.signing.Jwk;
import eu.aifactory.api.signing.JwkSet;
import eu.aifactory.api.signing.KeyRotation;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trust on first use for the factory's signing keys: decides what a freshly fetched key set means against the
 * key ids pinned earlier. Pure logic; storing the pins is the caller's job.
 *
 * <p>Pinning key ids is enough because a kid is the RFC 7638 thumbprint of its key and {@link Jwk} refuses any
 * other: a fetched key with a pinned kid is the pinned key. A new kid is accepted only through a chain of
 * {@link KeyRotation} records, each signed by a key already trusted.
 */
public final class KeyPinning {

    public enum Outcome {
        /** Nothing was pinned: pin what the factory publishes now. */
        FIRST_USE,
        /** Every published key is pinned already. */
        SAME,
        /** New keys, each reached from a pinned key by valid rotation records: accept and extend the pins. */
        ROTATED,
        /** At least one published key is neither pinned nor vouched for by a rotation: warn, keep the old pins. */
        CHANGED_WITHOUT_ROTATION
    }

    /**
     * @param outcome       what happened
     * @param pins          the kids to pin from now on (unchanged for {@link Outcome#CHANGED_WITHOUT_ROTATION})
     * @param trustedKeys   the fetched keys that are pinned, i.e. those reports may be verified against
     * @param untrustedKids fetched kids that are not trusted (empty unless CHANGED_WITHOUT_ROTATION)
     */
    public record Decision(Outcome outcome, Set<String> pins, JwkSet trustedKeys, Set<String> untrustedKids) {

        public Decision {
            pins = Collections.unmodifiableSet(new LinkedHashSet<>(pins));
            untrustedKids = Collections.unmodifiableSet(new LinkedHashSet<>(untrustedKids));
        }

        /** Whether the fetched keys may be used without a warning. */
        public boolean trusted() {
            return outcome != Outcome.CHANGED_WITHOUT_ROTATION;
        }
    }

    private KeyPinning() {
    }

    /**
     * Decides on {@code fetched} given the pinned kids; rotation records can only be checked for keys still
     * present in {@code fetched}.
     *
     * @throws IllegalArgumentException if {@code fetched} holds no keys at all
     */
    public static Decision decide(Set<String> pinnedKids, JwkSet fetched) {
        return decide(pinnedKids, fetched, kid -> Optional.empty());
    }

    /**
     * Decides on {@code fetched} given the pinned key set; its keys also let rotation records from keys the
     * factory no longer publishes be checked.
     */
    public static Decision decide(JwkSet pinned, JwkSet fetched) {
        Map<String, Jwk> pinnedByKid = pinned.keys().stream().collect(Collectors.toMap(Jwk::kid, Function.identity()));
        return decide(pinned.kids(), fetched, kid -> Optional.ofNullable(pinnedByKid.get(kid)));
    }

    private static Decision decide(Set<String> pinnedKids, JwkSet fetched, Function<String, Optional<Jwk>> pinnedKey) {
        if (fetched.keys().isEmpty()) {
            throw new IllegalArgumentException("the factory published no signing keys");
        }
        if (pinnedKids.isEmpty()) {
            return new Decision(Outcome.FIRST_USE, fetched.kids(), fetched, Set.of());
        }
        Set<String> trusted = new LinkedHashSet<>(pinnedKids);
        boolean extended;
        do {
            extended = false;
            for (KeyRotation rotation : fetched.rotations()) {
                if (trusted.contains(rotation.from()) && !trusted.contains(rotation.to()) && fetched.find(rotation.to()).isPresent()) {
                    Optional<Jwk> fromKey = fetched.find(rotation.from()).or(() -> pinnedKey.apply(rotation.from()));
                    if (fromKey.isPresent() && rotation.isSignedBy(fromKey.get())) {
                        trusted.add(rotation.to());
                        extended = true;
                    }
                }
            }
        } while (extended);

        Set<String> untrusted = new LinkedHashSet<>(fetched.kids());
        untrusted.removeAll(trusted);
        if (!untrusted.isEmpty()) {
            return new Decision(Outcome.CHANGED_WITHOUT_ROTATION, pinnedKids, fetched.only(pinnedKids), untrusted);
        }
        boolean grew = !pinnedKids.containsAll(fetched.kids());
        return new Decision(grew ? Outcome.ROTATED : Outcome.SAME, trusted, fetched.only(trusted), Set.of());
    }
}
