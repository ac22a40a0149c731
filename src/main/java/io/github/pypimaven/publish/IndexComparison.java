package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.StaticCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.http.SecureUrl;
import io.github.pypimaven.index.IndexAccessDenied;
import io.github.pypimaven.index.IndexQueryException;
import io.github.pypimaven.index.SimpleIndexClient;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A release compared with what the index already has, by file name and sha256: identical files need no upload,
 * and a file name the index has with other bytes can never be uploaded, so the whole release stops before any file
 * is sent (rather than after its wheels went up).
 */
@Named
@Singleton
public class IndexComparison {

    private static final Logger LOG = LoggerFactory.getLogger(IndexComparison.class);

    private final SimpleIndexClient simpleIndex;

    @Inject
    public IndexComparison(SimpleIndexClient simpleIndex) {
        this.simpleIndex = simpleIndex;
    }

    /**
     * The names of the files the index already has, identical; none without a {@code checkUrl}, or when the index
     * cannot be asked or refuses to answer (a warning says so, and the upload decides).
     *
     * @param credentials the upload's credentials when they are known in advance; sent only as {@link CheckAccess}
     *     allows
     * @throws PublishException when the index has one of the files with other bytes
     */
    Set<String> identicalOnIndex(List<Distribution> release, Optional<SecureUrl> checkUrl, RemoteIndex index,
            Optional<StaticCredentials> credentials, CloseableHttpClient http) throws PublishException {
        if (checkUrl.isEmpty()) {
            return Set.of();
        }
        CheckAccess access = CheckAccess.decide(checkUrl.get(), index, credentials);
        if (credentials.isPresent() && access.auth().isEmpty() && index.known().isEmpty()) {
            LOG.info("Reading {} with {}", checkUrl.get(), access.used());
        } else {
            LOG.debug("Reading {} with {}", checkUrl.get(), access.used());
        }
        try {
            Map<String, String> remote = simpleIndex.files(http, checkUrl.get().uri(), release.get(0).name(),
                    access.auth());
            return identicalFiles(release, remote, checkUrl.get().host());
        } catch (IndexAccessDenied e) {
            LOG.warn("{} {} answered HTTP {} when read with {}; publishing without comparing with the index first. {}",
                    CheckAccess.SETTING, checkUrl.get(), e.status(), access.used(), access.change(e.status()));
            return Set.of();
        } catch (IndexQueryException e) {
            LOG.warn("{}; publishing without comparing with the index first (checkUrl, pypi.checkUrl)", e.getMessage());
            return Set.of();
        }
    }

    /**
     * @param remote file name to sha256 (null when the index gave none) of the project's files on the index
     */
    static Set<String> identicalFiles(List<Distribution> release, Map<String, String> remote, String index)
            throws PublishException {
        Set<String> identical = new LinkedHashSet<>();
        List<String> conflicts = new ArrayList<>();
        for (Distribution d : release) {
            String theirs = remote.get(d.filename());
            if (theirs == null) {
                continue; // not there, or no hash to compare: let the upload and the index decide
            }
            if (theirs.equals(d.sha256())) {
                identical.add(d.filename());
            } else {
                conflicts.add(d.filename() + " is already on " + index + " with other content (sha256 " + theirs
                        + " there, " + d.sha256() + " here)");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PublishException(PublishException.Stage.INDEX, String.join("\n", conflicts) + ".\nAn index never"
                    + " accepts other bytes under a file name it has (or had). Nothing was uploaded: publish a new"
                    + " version, or rebuild the identical files (a reproducible build with project.build.outputTimestamp"
                    + " gives the same bytes again).");
        }
        return identical;
    }
}
