package eu.aifactory.api.admin;

/** A newly created token: {@code secret} is shown this once and never again; the factory keeps only its hash. */
public record CreatedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedToken[" + token + "]";
    }
}
