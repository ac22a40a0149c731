package io.github.pypimaven.repository;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The indexes the plugin knows by name: where each takes uploads, where its simple API is, which audience its Trusted
 * Publishing asks for, and where it shows a release. Everything index-specific is read from this table, nowhere else.
 */
public enum KnownIndex {
    PYPI("PyPI", KnownIndex.PYPI_UPLOAD_URL, "https://pypi.org/simple/", "pypi", "https://pypi.org"),
    TESTPYPI("TestPyPI", KnownIndex.TESTPYPI_UPLOAD_URL, "https://test.pypi.org/simple/", "testpypi",
            "https://test.pypi.org");

    /** PyPI's upload URL; a constant, for the {@code repositoryUrl} default. */
    public static final String PYPI_UPLOAD_URL = "https://upload.pypi.org/legacy/";
    public static final String TESTPYPI_UPLOAD_URL = "https://test.pypi.org/legacy/";

    private final String displayName;
    private final URI uploadUrl;
    private final URI simpleApi;
    private final String audience;
    private final String webUrl;

    KnownIndex(String displayName, String uploadUrl, String simpleApi, String audience, String webUrl) {
        this.displayName = displayName;
        this.uploadUrl = URI.create(uploadUrl);
        this.simpleApi = URI.create(simpleApi);
        this.audience = audience;
        this.webUrl = webUrl;
    }

    /** The known index whose upload endpoint is on {@code host} (https, default port), if any. */
    static Optional<KnownIndex> forUploadUrl(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean defaultPort = url.getPort() == -1 || url.getPort() == 443;
        if (!"https".equalsIgnoreCase(url.getScheme()) || !defaultPort) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(k -> k.uploadUrl.getHost().equals(host)).findFirst();
    }

    public String displayName() {
        return displayName;
    }

    public URI uploadUrl() {
        return uploadUrl;
    }

    /** The simple API (PEP 691/503) a release is compared with before anything is uploaded. */
    public URI simpleApi() {
        return simpleApi;
    }

    /** The audience this index's Trusted Publishing asks identity tokens for. */
    public String audience() {
        return audience;
    }

    /** The web page of one release. */
    public String releasePage(String normalizedName, String version) {
        return webUrl + "/project/" + normalizedName + "/" + version + "/";
    }
}
