package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A release compared with what the index already has, by file name and sha256: identical files need no upload,
 * and a file name the index has with other bytes can never be uploaded, so the whole release stops before any file
 * is sent (rather than after its wheels went up).
 */
final class IndexComparison {

    private IndexComparison() {}

    /**
     * @param remote file name to sha256 (null when the index gave none) of the project's files on the index
     * @return the names of the files the index already has, identical
     */
    static Set<String> identicalFiles(List<Distribution> release, Map<String, String> remote, String index)
            throws PublishException {
        Set<String> identical = new LinkedHashSet<>();
        List<String> conflicts = new ArrayList<>();
        for (Distribution d : release) {
            if (!remote.containsKey(d.filename())) {
                continue;
            }
            String theirs = remote.get(d.filename());
            if (theirs == null) {
                continue; // no hash to compare: let the upload and the index decide
            }
            if (theirs.equals(d.sha256())) {
                identical.add(d.filename());
            } else {
                conflicts.add(d.filename() + " is already on " + index + " with other content (sha256 " + theirs
                        + " there, " + d.sha256() + " here)");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PublishException(String.join("\n", conflicts) + ".\nAn index never accepts other bytes under a file"
                    + " name it has (or had). Nothing was uploaded: publish a new version, or rebuild the identical"
                    + " files (a reproducible build with project.build.outputTimestamp gives the same bytes again).");
        }
        return identical;
    }
}
