package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.testing.TestDistributions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadScheduleTest {

    @TempDir
    Path dir;

    Distribution linux;
    Distribution mac;
    Distribution windows;
    Distribution sdist;

    @BeforeEach
    void release() {
        DistributionReader reader = new DistributionReader();
        linux = reader.read(TestDistributions.wheel("demo", "1.0").platformTag("manylinux_2_17_x86_64").writeTo(dir));
        mac = reader.read(TestDistributions.wheel("demo", "1.0").platformTag("macosx_11_0_arm64")
                .module("demo/blob.bin", noise(10_000)).writeTo(dir));
        windows = reader.read(TestDistributions.wheel("demo", "1.0").platformTag("win_amd64")
                .module("demo/blob.bin", noise(100_000)).writeTo(dir));
        sdist = reader.read(TestDistributions.sdist("demo", "1.0").writeTo(dir));
    }

    /** Bytes that do not compress, so that the wheels' sizes differ as the test needs. */
    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aNewReleaseStartsWithItsSmallestWheelAloneThenTheLargestFirstAndEndsWithTheSdist() {
        assertTrue(linux.size() < mac.size() && mac.size() < windows.size());
        assertEquals(List.of(List.of(linux), List.of(windows, mac), List.of(sdist)),
                UploadSchedule.of(List.of(linux, mac, windows, sdist), false, 4).stages());
        assertEquals(List.of(List.of(linux), List.of(windows, mac), List.of(sdist)),
                UploadSchedule.of(List.of(windows, sdist, mac, linux), false, 4).stages(), "whatever the given order");
    }

    @Test
    void oneAtATimeKeepsTheReleaseOrder() {
        assertEquals(List.of(List.of(linux), List.of(mac, windows), List.of(sdist)),
                UploadSchedule.of(List.of(linux, mac, windows, sdist), false, 1).stages());
        assertEquals(List.of(List.of(linux, mac, windows), List.of(sdist)),
                UploadSchedule.of(List.of(linux, mac, windows, sdist), true, 1).stages());
    }

    @Test
    void anExistingReleaseSendsItsWheelsTogetherTheLargestFirst() {
        assertEquals(List.of(List.of(windows, mac, linux), List.of(sdist)),
                UploadSchedule.of(List.of(linux, mac, windows, sdist), true, 4).stages());
    }

    @Test
    void smallReleases() {
        assertEquals(List.of(List.of(sdist)), UploadSchedule.of(List.of(sdist), false, 4).stages());
        assertEquals(List.of(List.of(linux), List.of(sdist)), UploadSchedule.of(List.of(linux, sdist), false, 4).stages());
        assertEquals(List.of(List.of(linux), List.of(mac)), UploadSchedule.of(List.of(linux, mac), false, 4).stages());
        assertEquals(List.of(), UploadSchedule.of(List.of(), false, 4).stages());
        assertEquals(List.of(linux, mac, sdist), UploadSchedule.of(List.of(linux, mac, sdist), false, 4).files());
    }
}
