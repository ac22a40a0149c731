package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.StaticCredentials;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.Optional;

/**
 * With which credentials {@code checkUrl} is read. Most private indexes want credentials for their simple API too, so
 * it is read with the upload's own, but only on the upload URL's origin (scheme, host and port): a checkUrl elsewhere
 * never sees them. PyPI's and TestPyPI's simple APIs are public, and a Trusted Publishing token is for uploads only
 * (minting one just to read would also spend it), so those are read without any.
 *
 * @param auth the credentials to send, if any
 * @param used how the log and the 401/403 warning name them: "the password of user 'alice' from ...", "no
 *     credentials"
 * @param refusedLogin what to do when the index answers 401 (it did not accept them as a login)
 * @param refusedAccess what to do when the index answers 403 (the login may not read)
 */
record CheckAccess(Optional<BasicAuth> auth, String used, String refusedLogin, String refusedAccess) {

    static final String SETTING = "checkUrl (pypi.checkUrl)";

    static CheckAccess decide(SecureUrl checkUrl, RemoteIndex index, Optional<StaticCredentials> credentials) {
        if (index.known().isPresent()) {
            return anonymous(index.known().get().displayName() + "'s simple API is public", "Check that " + SETTING
                    + " is " + index.known().get().simpleApi() + ", or set it to none.");
        }
        if (credentials.isEmpty()) {
            return anonymous("Trusted Publishing tokens are for uploads only", "Set " + SETTING + " to a URL that can be"
                    + " read without credentials, or to none to skip the comparison.");
        }
        if (!checkUrl.sameOrigin(index.uploadUrl())) {
            return anonymous("credentials go to the upload URL's host " + index.uploadUrl().authority() + " only",
                    "Credentials are sent only to a checkUrl on the upload URL's scheme, host and port ("
                            + index.uploadUrl().authority() + "): point " + SETTING + " at the simple API there, or set"
                            + " it to none.");
        }
        StaticCredentials upload = credentials.get();
        String skip = " or set " + SETTING + " to none to skip the comparison.";
        return new CheckAccess(Optional.of(upload.basicAuth()), upload.description(), "These are the upload's"
                + " credentials, and the index did not accept them as a login: check the user name and password ("
                + upload.source() + "; see serverId, usernameEnvName and passwordEnvName)," + skip, "These are the"
                + " upload's credentials, and that account may not read the index: give it read access as well," + skip);
    }

    /** What to do about a refusal with this status. */
    String change(int status) {
        return status == 401 ? refusedLogin : refusedAccess;
    }

    private static CheckAccess anonymous(String why, String change) {
        return new CheckAccess(Optional.empty(), "no credentials (" + why + ")", change, change);
    }
}
