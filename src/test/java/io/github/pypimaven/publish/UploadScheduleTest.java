package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        mac = reader.read(TestDistributions.wheel("demo", "1.0").platformTag("macosx_11_0_arm64").writeTo(dir));
        windows = reader.read(TestDistributions.wheel("demo", "1.0").platformTag("win_amd64").writeTo(dir));
        sdist = reader.read(TestDistributions.sdist("demo", "1.0").writeTo(dir));
    }

    @Test
    void aNewReleaseStartsWithOneFileAloneAndEndsWithTheSdist() {
        assertEquals(List.of(List.of(linux), List.of(mac, windows), List.of(sdist)),
                UploadSchedule.of(List.of(linux, mac, windows, sdist), false).stages());
    }

    @Test
    void anExistingReleaseSendsItsWheelsTogether() {
        assertEquals(List.of(List.of(linux, mac, windows), List.of(sdist)),
                UploadSchedule.of(List.of(linux, mac, windows, sdist), true).stages());
    }

    @Test
    void smallReleases() {
        assertEquals(List.of(List.of(sdist)), UploadSchedule.of(List.of(sdist), false).stages());
        assertEquals(List.of(List.of(linux), List.of(sdist)), UploadSchedule.of(List.of(linux, sdist), false).stages());
        assertEquals(List.of(List.of(linux), List.of(mac)), UploadSchedule.of(List.of(linux, mac), false).stages());
        assertEquals(List.of(), UploadSchedule.of(List.of(), false).stages());
        assertEquals(List.of(linux, mac, sdist), UploadSchedule.of(List.of(linux, mac, sdist), false).files());
    }
}
