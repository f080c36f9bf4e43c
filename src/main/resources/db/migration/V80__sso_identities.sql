-- People who signed in through the company's identity provider. The pair (issuer, subject) names a person for good
-- (an e-mail address can change or be reused), so a user is matched by e-mail once and by subject from then on.
CREATE TABLE sso_identities (
    issuer      VARCHAR(500) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    user_id     VARCHAR(64)  NOT NULL REFERENCES users (id),
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX ix_sso_identities_user ON sso_identities (user_id);
