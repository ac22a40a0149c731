package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the files of one release go to an index, as stages: every file of a stage may be sent at the same
 * time, and a stage starts when the one before it has ended without a failure.
 *
 * <p>When the release does not exist on the index yet, its first file goes alone: that upload creates the release
 * and its metadata, and concurrent first uploads would race to do it. The sdist goes last, after every wheel, as twine
 * and uv order them: an installer that sees the sdist of a half-published release would build it rather than wait for
 * the wheel. The wheels in between go together.
 *
 * @param stages the files, in order; no stage is empty
 */
record UploadSchedule(List<List<Distribution>> stages) {

    UploadSchedule {
        stages = stages.stream().map(List::copyOf).toList();
    }

    /**
     * @param toSend        the files to upload, wheels before the sdist (as {@link ReleaseChecker} orders them)
     * @param releaseExists whether the index already has a file of this release (then no upload creates it)
     */
    static UploadSchedule of(List<Distribution> toSend, boolean releaseExists) {
        List<List<Distribution>> stages = new ArrayList<>();
        List<Distribution> rest = new ArrayList<>(toSend);
        if (!releaseExists && !rest.isEmpty()) {
            stages.add(List.of(rest.remove(0)));
        }
        List<Distribution> wheels = rest.stream().filter(d -> d.kind() != DistributionKind.SDIST).toList();
        List<Distribution> sdists = rest.stream().filter(d -> d.kind() == DistributionKind.SDIST).toList();
        for (List<Distribution> stage : List.of(wheels, sdists)) {
            if (!stage.isEmpty()) {
                stages.add(stage);
            }
        }
        return new UploadSchedule(stages);
    }

    /** Every file, in the order the stages send them. */
    List<Distribution> files() {
        return stages.stream().flatMap(List::stream).toList();
    }
}
