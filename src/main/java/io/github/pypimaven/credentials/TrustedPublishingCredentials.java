package io.github.pypimaven.credentials;

import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.trust.TrustedPublishingSession;

/** Tokens minted by Trusted Publishing; the session renews them when they are about to expire. */
record TrustedPublishingCredentials(TrustedPublishingSession session) implements UploadCredentials {

    @Override
    public String token() throws CredentialsException {
        try {
            return session.token();
        } catch (TrustedPublishingException e) {
            throw new CredentialsException(e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<String> warnings() {
        return session.warnings();
    }

    @Override
    public String source() {
        return "Trusted Publishing (" + session.providerName() + " identity)";
    }
}
