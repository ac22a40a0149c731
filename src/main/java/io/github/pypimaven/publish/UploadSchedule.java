package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the files of one release go to an index, as stages: every file of a stage may be sent at the same
 * time, and a stage starts when the one before it has ended without a failure.
 *
 * <p>When the release does not exist on the index yet, its first file goes alone: that upload creates the release
 * and its metadata, and concurrent first uploads would race to do it. It is the smallest wheel, since everything else
 * waits for it. The sdist goes last, after every wheel, as twine and uv order them: an installer that sees the sdist
 * of a half-published release would build it rather than wait for the wheel. The wheels in between go together, the
 * largest first. With one upload at a time, the files simply go in release order.
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
     * @param parallelUploads how many files go at a time: with one, the order by size gains nothing, and the release
     *                        order (by file name) is kept
     */
    static UploadSchedule of(List<Distribution> toSend, boolean releaseExists, int parallelUploads) {
        boolean bySize = parallelUploads > 1;
        List<Distribution> wheels = new ArrayList<>(toSend.stream().filter(d -> d.kind() != DistributionKind.SDIST)
                .toList());
        List<Distribution> sdists = new ArrayList<>(toSend.stream().filter(d -> d.kind() == DistributionKind.SDIST)
                .toList());
        List<List<Distribution>> stages = new ArrayList<>();
        if (!releaseExists && !toSend.isEmpty()) {
            // Every other upload waits for this one: the smallest wheel makes that wait the shortest.
            stages.add(List.of(wheels.isEmpty() ? sdists.remove(0) : wheels.remove(bySize ? smallest(wheels) : 0)));
        }
        if (bySize) { // largest first: with several at a time, a release is done soonest when no large file starts last
            wheels.sort(Comparator.comparingLong(Distribution::size).reversed());
        }
        for (List<Distribution> stage : List.of(wheels, sdists)) {
            if (!stage.isEmpty()) {
                stages.add(stage);
            }
        }
        return new UploadSchedule(stages);
    }

    /** The index of the smallest file; the first of equals. */
    private static int smallest(List<Distribution> files) {
        int smallest = 0;
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i).size() < files.get(smallest).size()) {
                smallest = i;
            }
        }
        return smallest;
    }

    /** Every file, in the order the stages send them. */
    List<Distribution> files() {
        return stages.stream().flatMap(List::stream).toList();
    }
}
