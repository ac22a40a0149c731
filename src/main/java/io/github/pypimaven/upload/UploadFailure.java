package io.github.pypimaven.upload;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.repository.KnownIndex;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.Locale;

/** Turns a refused upload into a message that says what happened and what to do about it. */
final class UploadFailure {

    private UploadFailure() {}

    /** @param auth the credentials the upload was sent with: messages name their source and user, never the secret */
    static String describe(String filename, RemoteIndex repository, BasicAuth auth, UploadOutcome outcome, int attempts) {
        String head = "Upload of " + filename + " to " + repository + " failed: ";
        if (outcome instanceof UploadOutcome.NoAnswer noAnswer) {
            return head + noAnswer.error() + (attempts > 1 ? " (after " + attempts + " attempts)" : "")
                    + ". Check the network, proxy and repositoryUrl; re-running the build is safe: PyPI accepts an"
                    + " identical file again.";
        }
        if (outcome instanceof UploadOutcome.TlsFailure tls) {
            return head + tls.error();
        }
        return answered(head, repository, auth, (UploadOutcome.Answered) outcome, attempts);
    }

    private static String answered(String head, RemoteIndex repository, BasicAuth auth, UploadOutcome.Answered result,
            int attempts) {
        int status = result.status();
        String message = result.serverMessage();
        String said = "HTTP " + status + (message.isEmpty() ? "" : " \"" + message + "\"");
        String lower = message.toLowerCase(Locale.ROOT);
        if (status >= 300 && status < 400) {
            String location = result.location() == null ? null : ForeignText.line(result.location());
            boolean slash = location != null && location.equals(repository.uri() + "/");
            return head + "the index redirected it (" + said + ") to " + location + ". Redirects are never followed, because"
                    + " the upload carries the token." + (slash
                            ? " The URL is missing its trailing slash: set repositoryUrl to " + location + "."
                            : " Set repositoryUrl to the index's upload URL.");
        }
        if (status == 400 && lower.contains("already exists")) {
            return head + said + ". A file with this name, or with these exact bytes under another name, is already on the"
                    + " index with different content; an index never lets a file name be used for other bytes, even"
                    + " after deleting it. Publish a new version instead.";
        }
        if (status == 400 && lower.contains("previously used")) {
            return head + said + ". The file was deleted from the index, and its name can never be used again."
                    + " Publish a new version instead.";
        }
        if (repository.known().isEmpty() && PrivateIndexAnswers.alreadyThere(status, lower)) {
            return head + said + ". The index already has a file of this name and does not replace it. Publish a new"
                    + " version, or delete the file on the index first if it allows that. With checkUrl"
                    + " (pypi.checkUrl) set to the index's simple API, an identical file is not sent again, and a"
                    + " different one stops the release before any upload.";
        }
        if ((status == 401 || status == 403) && !auth.username().equals("__token__")) {
            return head + "the index refused " + auth.who() + " (" + said + "). " + PrivateIndexAnswers.credentialsHint(
                    status, auth);
        }
        if (status == 401 || status == 403) {
            return head + "the index refused the credentials (" + said + "). Check that the token is a valid API token for "
                    + repository.uploadUrl().host() + " (a TestPyPI token does not work on PyPI, nor the other way round),"
                    + " that it has not been revoked or expired, and that its scope includes this project."
                    + " With Trusted Publishing, check the publisher configured for this project on the index."
                    + (repository.known().isEmpty() ? " " + PrivateIndexAnswers.TOKEN_ON_PRIVATE_INDEX : "");
        }
        if (status == 405) {
            return head + said + ". " + repository + " does not accept uploads: is it the upload URL? PyPI's is "
                    + KnownIndex.PYPI_UPLOAD_URL + " and TestPyPI's " + KnownIndex.TESTPYPI_UPLOAD_URL + " (not the /simple/ index URL).";
        }
        if (status == 404 || status == 410) {
            return head + said + ". Check repositoryUrl: it must be the index's upload endpoint.";
        }
        if (status == 413) {
            return head + said + ". The file is larger than the index (or a proxy in front of it) accepts.";
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            return head + said + (attempts > 1 ? " after " + attempts + " attempts" : "")
                    + ". The index is having trouble; nothing is wrong with the file. Re-run the build later" + (repository
                            .known().isPresent() ? ": files already uploaded are accepted again unchanged."
                            : ", with checkUrl (pypi.checkUrl) set so that files already uploaded are not sent again.");
        }
        return head + said + ".";
    }
}
