package io.github.pypimaven.upload;

import java.util.Locale;

/** Turns a refused upload into a message that says what happened and what to do about it. */
final class UploadFailure {

    private UploadFailure() {}

    static String describe(String filename, RepositoryUrl repository, UploadClient.Attempt result, int attempts) {
        String head = "Upload of " + filename + " to " + repository + " failed: ";
        int status = result.status();
        if (status == 0) {
            return head + result.transportError() + (attempts > 1 ? " (after " + attempts + " attempts)" : "")
                    + ". Check the network, proxy and repositoryUrl; re-running the build is safe: PyPI accepts an"
                    + " identical file again.";
        }
        if (status == -1) {
            return head + result.transportError() + ". Check that the index's certificate is trusted by this Java runtime.";
        }
        String message = result.serverMessage();
        String said = "HTTP " + status + (message.isEmpty() ? "" : " \"" + message + "\"");
        String lower = message.toLowerCase(Locale.ROOT);
        if (status >= 300 && status < 400) {
            String location = result.location();
            boolean slash = location != null && location.equals(repository.uri() + "/");
            return head + "the index redirected it (" + said + ") to " + location + ". Redirects are never followed, because"
                    + " the upload carries the token." + (slash
                            ? " The URL is missing its trailing slash: set repositoryUrl to " + location + "."
                            : " Set repositoryUrl to the index's upload URL.");
        }
        if (status == 403) {
            return head + "the index refused the credentials (" + said + "). Check that the token is a valid API token for "
                    + repository.uri().getHost() + " (a TestPyPI token does not work on PyPI, nor the other way round),"
                    + " that it has not been revoked or expired, and that its scope includes this project."
                    + " With Trusted Publishing, check the publisher configured for this project on the index.";
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
        if (status == 405) {
            return head + said + ". " + repository + " does not accept uploads: is it the upload URL? PyPI's is "
                    + RepositoryUrl.PYPI + " and TestPyPI's https://test.pypi.org/legacy/ (not the /simple/ index URL).";
        }
        if (status == 404 || status == 410) {
            return head + said + ". Check repositoryUrl: it must be the index's upload endpoint.";
        }
        if (status == 413) {
            return head + said + ". The file is larger than the index (or a proxy in front of it) accepts.";
        }
        if (RetryPolicy.isRetryableStatus(status)) {
            return head + said + (attempts > 1 ? " after " + attempts + " attempts" : "")
                    + ". The index is having trouble; nothing is wrong with the file. Re-run the build later: files"
                    + " already uploaded are accepted again unchanged.";
        }
        return head + said + ".";
    }
}
