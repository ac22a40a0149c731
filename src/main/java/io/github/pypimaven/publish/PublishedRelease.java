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
     */
    static String stateAfterFailure(List<PublishedFile> published, List<Distribution> release, Distribution failed) {
        return stateAfterFailure(published.stream().map(PublishedFile::filename).toList(),
                release.subList(release.indexOf(failed), release.size()).stream().map(Distribution::filename).toList());
    }

    /**
     * @param onIndex     the files the target has now (uploaded by this run, or there before)
     * @param notUploaded the files it has not
     */
    static String stateAfterFailure(List<String> onIndex, List<String> notUploaded) {
        String done = onIndex.isEmpty() ? "Nothing was uploaded."
                : "Already uploaded: " + String.join(", ", onIndex) + ".";
        return done + " Not uploaded: " + String.join(", ", notUploaded) + ". Fix the cause and run again: an index"
                + " accepts a file it already has, unchanged, again.";
    }
}
