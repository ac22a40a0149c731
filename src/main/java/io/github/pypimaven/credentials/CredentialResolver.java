package io.github.pypimaven.credentials;

import io.github.pypimaven.upload.RepositoryUrl;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Decides which token an upload uses: a configured API token (settings.xml server first, then the environment
 * variable), or one minted by Trusted Publishing, as {@link TrustedPublishingMode} says.
 */
@Named
@Singleton
public class CredentialResolver {

    public UploadCredentials resolve(CredentialRequest request, RepositoryUrl repository, CloseableHttpClient http)
            throws CredentialsException {
        Optional<StaticToken> configured = request.configuredToken();
        if (configured.isPresent()) {
            return configured.get();
        }
        throw new CredentialsException("No credentials for " + repository.host() + ": configure an API token as the"
                + " password of a <server> in settings.xml (serverId, pypi.serverId) or in the environment variable named"
                + " by tokenEnvName (pypi.tokenEnvName, default PYPI_API_TOKEN).");
    }
}
