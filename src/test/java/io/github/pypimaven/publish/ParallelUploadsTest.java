package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.UploadRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads side by side against the fake PyPI, which records when it began and answered each one. */
class ParallelUploadsTest {

    static final String TOKEN = "pypi-parallel-token-0123456789";
    static final List<String> PLATFORMS = List.of("manylinux_2_17_x86_64", "manylinux_2_17_aarch64",
            "musllinux_1_2_x86_64", "macosx_11_0_arm64", "macosx_10_12_x86_64", "win_amd64", "win_arm64");

    @TempDir
    Path dir;

    FakePyPI pypi;
    Publisher publisher = TestServices.publisher();
    List<Path> release = new ArrayList<>();
    Path sdist;

    @BeforeEach
    void start() throws IOException {
        // Every answer takes a while, so that uploads that may overlap do.
        pypi = FakePyPI.start(0).acceptToken(TOKEN).processingDelay(Duration.ofMillis(150));
        for (String platform : PLATFORMS) {
            release.add(TestDistributions.wheel("demo", "1.0").platformTag(platform).writeTo(dir));
        }
        release.sort(Comparator.comparing(p -> p.getFileName().toString())); // the order ReleaseChecker gives them
        sdist = TestDistributions.sdist("demo", "1.0").writeTo(dir);
        release.add(sdist);
    }

    @AfterEach
    void stop() {
        pypi.close();
    }

    private PublishRequest request(int parallelUploads) {
        return TestServices.withToken(release, TestTargets.remote(pypi.uploadUrl()), TOKEN)
                .parallelUploads(parallelUploads).build();
    }

    private List<UploadRequest> byStart() {
        return pypi.uploadRequests().stream().sorted(Comparator.comparing(UploadRequest::started)).toList();
    }

    @Test
    void theFirstFileGoesAloneTheWheelsTogetherAndTheSdistLast() throws Exception {
        List<PublishedFile> published = publisher.publish(request(4));

        assertEquals(release.stream().map(p -> p.getFileName().toString()).toList(),
                published.stream().map(PublishedFile::filename).toList(), "reported in release order");
        List<UploadRequest> uploads = byStart();
        assertEquals(8, uploads.size());
        assertTrue(uploads.stream().allMatch(u -> u.status() == 200), String.valueOf(uploads));
        UploadRequest first = uploads.get(0);
        UploadRequest last = uploads.get(uploads.size() - 1);
        assertEquals(sdist.getFileName().toString(), last.contentFilename(), "the sdist goes last");
        List<UploadRequest> wheels = uploads.subList(1, uploads.size() - 1);
        for (UploadRequest wheel : wheels) {
            assertFalse(first.overlaps(wheel), "the first file creates the release alone: " + wheel);
            assertFalse(last.overlaps(wheel), "the sdist starts after every wheel was answered: " + wheel);
        }
        // the most uploads in progress at one time: counted at each upload's start
        int mostAtOnce = wheels.stream().mapToInt(w -> (int) wheels.stream().filter(o -> !o.started()
                .isAfter(w.started()) && o.answered().isAfter(w.started())).count()).max().orElse(0);
        assertTrue(mostAtOnce >= 2 && mostAtOnce <= 4, "up to 4 wheels at once, and more than one: " + mostAtOnce);
    }

    @Test
    void oneAtATimeWhenParallelUploadsIsOne() throws Exception {
        publisher.publish(request(1));

        List<UploadRequest> uploads = pypi.uploadRequests();
        assertEquals(release.stream().map(p -> p.getFileName().toString()).toList(),
                uploads.stream().map(UploadRequest::contentFilename).toList(), "in release order");
        for (int i = 1; i < uploads.size(); i++) {
            assertFalse(uploads.get(i - 1).overlaps(uploads.get(i)), uploads.get(i).contentFilename());
        }
    }

    @Test
    void aFailureInTheMiddleStartsNothingNewAndSaysExactlyWhatTheIndexHas() {
        // The third wheel of the parallel stage: it starts only when one of the two before it has ended, and the
        // other is running beside it, so both always end. (A file among the first two would race its neighbour.)
        DistributionReader reader = new DistributionReader();
        List<Distribution> files = release.stream().map(reader::read).toList();
        List<List<Distribution>> stages = UploadSchedule.of(files, false, 2).stages();
        String refused = stages.get(1).get(2).filename();
        pypi.failUploadsOf(refused, 400, "Invalid distribution file.");

        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(request(2)));

        assertEquals(PublishException.Stage.UPLOAD, e.stage());
        Set<String> onIndex = new TreeSet<>(pypi.files().keySet());
        Set<String> requested = new TreeSet<>();
        pypi.uploadRequests().forEach(u -> requested.add(u.contentFilename()));
        assertFalse(requested.contains(sdist.getFileName().toString()), "the sdist never started");
        assertTrue(requested.size() < release.size(), "no upload started after the failure: " + requested);
        assertTrue(onIndex.size() >= 3, "what ran before and beside the failure ended: " + onIndex);
        assertTrue(e.getMessage().contains(refused) && e.getMessage().contains("Invalid distribution file."),
                e.getMessage());
        String state = e.getMessage().substring(e.getMessage().indexOf("Already uploaded: "));
        List<String> notUploaded = release.stream().map(p -> p.getFileName().toString())
                .filter(f -> !onIndex.contains(f)).toList();
        List<String> uploadedInOrder = release.stream().map(p -> p.getFileName().toString())
                .filter(onIndex::contains).toList();
        String expected = "Already uploaded: " + String.join(", ", uploadedInOrder) + ". Not uploaded: "
                + String.join(", ", notUploaded) + ". Fix the cause and run again";
        assertTrue(state.startsWith(expected), state);
    }
}
