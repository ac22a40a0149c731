package io.github.pypimaven.publish;

import io.github.pypimaven.repository.PublishTarget;
import java.util.List;
import java.util.Optional;

/**
 * What publishing one release would do, and everything that would make it fail, found without sending anything: the
 * plan a dry run prints and the check goal verifies.
 *
 * @param release the project and version ("my-tool 1.2.0"), when the files could be read
 * @param target where the files would go
 * @param credentials where the token would come from, as a phrase ("the token from ...", "no credentials (a local
 *     index)", "no usable credentials")
 * @param files every file, wheels first when the files could be read
 * @param attestations what a real run would do about PEP 740 attestations, as lines (the first completes "Dry run:
 *     ..."); empty where that cannot be known (a local index, files that could not be read, no usable credentials)
 * @param failures what a real run would fail on, each message complete, in the order a real run would meet them
 */
public record ReleasePlan(Optional<String> release, PublishTarget target, String credentials, List<PlannedFile> files,
        List<String> attestations, List<Failure> failures) {

    public ReleasePlan {
        files = List.copyOf(files);
        attestations = List.copyOf(attestations);
        failures = List.copyOf(failures);
    }

    public boolean wouldFail() {
        return !failures.isEmpty();
    }

    /** What a real run would fail on: the step it would fail at, and its complete message. */
    public record Failure(PublishException.Stage stage, String message) {
    }

    /**
     * One file of the plan.
     *
     * @param size in bytes, -1 when the file could not be read
     * @param sha256 lower-case hex, empty when the file could not be read
     * @param onIndex already on the index with the same sha256, so it would not be uploaded again
     */
    public record PlannedFile(String filename, long size, String sha256, boolean onIndex) {
    }
}
