package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import java.util.List;
import java.util.Optional;

/**
 * What one target made of a release: the files it now has, and where to look next (the release page of a known
 * index, or the pip command that installs from a local index).
 */
record PublishedRelease(List<PublishedFile> files, Optional<String> followUp) {

    PublishedRelease {
        files = List.copyOf(files);
    }

    /**
     * What the target has now and what it has not, after {@code failed} could not be published: a failed run never
     * leaves the user guessing.
     *
     * @param identicalAccepted whether a re-run may send the files already there again: PyPI and a local index accept
     *     an identical file again, and with checkUrl it is not sent at all; most other indexes refuse it
     */
    static String stateAfterFailure(List<PublishedFile> published, List<Distribution> release, Distribution failed,
            boolean identicalAccepted) {
        return stateAfterFailure(published.stream().map(PublishedFile::filename).toList(),
                release.subList(release.indexOf(failed), release.size()).stream().map(Distribution::filename).toList(),
                identicalAccepted);
    }

    /**
     * @param onIndex     the files the target has now (uploaded by this run, or there before)
     * @param notUploaded the files it has not
     */
    static String stateAfterFailure(List<String> onIndex, List<String> notUploaded, boolean identicalAccepted) {
        String done = onIndex.isEmpty() ? "Nothing was uploaded."
                : "Already uploaded: " + String.join(", ", onIndex) + ".";
        return done + " Not uploaded: " + String.join(", ", notUploaded) + (identicalAccepted || onIndex.isEmpty()
                ? ". Fix the cause and run again: an index accepts a file it already has, unchanged, again."
                : ". Fix the cause and run again with checkUrl (pypi.checkUrl) set to the index's simple API, so that the"
                        + " files already there are not sent again: most indexes other than PyPI refuse a file they"
                        + " already have.");
    }
}
