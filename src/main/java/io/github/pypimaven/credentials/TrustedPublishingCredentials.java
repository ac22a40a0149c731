package io.github.pypimaven.credentials;

import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.trust.TrustedPublishingException;
import io.github.pypimaven.trust.TrustedPublishingSession;
import java.util.List;
import java.util.Optional;

/** Tokens minted by Trusted Publishing; the session renews them when they are about to expire. */
record TrustedPublishingCredentials(TrustedPublishingSession session) implements UploadCredentials {

    @Override
    public BasicAuth basicAuth() throws CredentialsException {
        try {
            return new BasicAuth("__token__", session.token(), source());
        } catch (TrustedPublishingException e) {
            throw new CredentialsException(e.getMessage(), e);
        }
    }

    @Override
    public List<String> warnings() {
        return session.warnings();
    }

    @Override
    public Optional<TrustedPublishingSession> trustedPublishing() {
        return Optional.of(session);
    }

    @Override
    public String source() {
        return "Trusted Publishing (" + session.providerName() + " identity)";
    }

    @Override
    public String description() {
        return "the token from " + source();
    }
}
