package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTagsTest {

    /** Verdicts of Warehouse's {@code _valid_platform_tag} on the lower-cased tag, one or more per family. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "accept | any",
        "accept | win32",
        "accept | win_amd64",
        "accept | win_arm64",
        "accept | win_ia64",
        "refuse | win_x86_64",
        "refuse | linux_x86_64",
        "refuse | linux_aarch64",
        "accept | linux_armv6l",
        "accept | linux_armv7l",
        "accept | Linux_armv7l",
        "accept | manylinux1_x86_64",
        "accept | manylinux1_i686",
        "refuse | manylinux1_aarch64",
        "accept | manylinux2010_x86_64",
        "refuse | manylinux2010_aarch64",
        "accept | manylinux2014_aarch64",
        "accept | manylinux2014_ppc64",
        "refuse | manylinux2014_riscv64",
        "accept | manylinux_2_17_x86_64",
        "accept | MANYLINUX_2_17_X86_64",
        "accept | manylinux_2_28_aarch64",
        "accept | manylinux_2_31_riscv64",
        "accept | manylinux_2_17_ppc64",
        "refuse | manylinux_2_17_mips64",
        "accept | manylinux_2_5_i686",
        "accept | musllinux_1_1_x86_64",
        "accept | musllinux_1_2_aarch64",
        "refuse | musllinux_1_2_ppc64",
        "accept | musllinux_1_2_riscv64",
        "accept | musllinux_1_2_armv7l",
        "accept | macosx_10_9_x86_64",
        "accept | macosx_10_15_universal2",
        "accept | macosx_10_6_intel",
        "accept | macosx_10_4_ppc",
        "accept | macosx_11_0_arm64",
        "refuse | macosx_11_1_arm64",
        "accept | macosx_12_0_universal2",
        "accept | macosx_14_0_x86_64",
        "accept | macosx_15_0_arm64",
        "refuse | macosx_16_0_arm64",
        "accept | macosx_26_0_arm64",
        "refuse | macosx_27_0_arm64",
        "refuse | macosx_11_0_riscv64",
        "refuse | macosx_010_9_x86_64",
        "refuse | macosx_11_00_arm64",
        "accept | ios_13_0_arm64_iphoneos",
        "accept | ios_13_0_arm64_iphonesimulator",
        "accept | ios_13_0_x86_64_iphonesimulator",
        "refuse | ios_13_0_armv7_iphoneos",
        "accept | ios_13_0_arm64_iphoneos_extra",
        "refuse | ios_13_arm64_iphoneos",
        "accept | android_21_arm64_v8a",
        "accept | android_24_armeabi_v7a",
        "accept | android_21_x86",
        "accept | android_21_x86_64",
        "refuse | android_21_mips",
        "refuse | android_arm64_v8a",
        "accept | pyemscripten_2024_0_wasm32",
        "accept | pyemscripten_2025_0_wasm32_extra",
        "refuse | emscripten_3_1_58_wasm32",
        "refuse | pyodide_2024_0_wasm32",
        "refuse | freebsd_14_0_amd64",
        "refuse | cygwin_3_5_x86_64",
        "refuse | solaris_2_11_sun4v",
    })
    void verdictsOfWarehouse(String verdict, String tag) {
        Optional<String> refusal = PlatformTags.refusal(tag);
        assertEquals(verdict, refusal.isEmpty() ? "accept" : "refuse", refusal.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "linux_x86_64          | PyPI refuses plain linux wheels (only linux_armv6l and linux_armv7l are accepted). Repair the wheel into a manylinux or musllinux wheel with auditwheel (auditwheel repair) and upload that",
        "musllinux_1_2_ppc64   | PyPI knows no musllinux architecture 'ppc64' (it accepts aarch64, armv7l, i686, ppc64le, riscv64, s390x, x86_64)",
        "manylinux_2_17_mips64 | PyPI knows no manylinux architecture 'mips64' (it accepts aarch64, armv7l, i686, ppc64le, riscv64, s390x, x86_64, ppc64)",
        "macosx_11_1_arm64     | from macOS 11 on, PyPI accepts only macosx_11_0_arm64 (the minor version is always 0)",
        "macosx_16_0_arm64     | PyPI accepts macOS versions 10 and 11, 12, 13, 14, 15, 26 only",
        "macosx_11_0_riscv64   | PyPI knows no macOS architecture 'riscv64' (it accepts arm64, fat, fat3, fat64, i386, intel, ppc, ppc64, universal, universal2, x86_64)",
        "ios_13_0_armv7_iphoneos | PyPI accepts iOS tags of the form ios_<major>_<minor>_<arch>_iphoneos (or _iphonesimulator) with the architecture arm64 or x86_64",
        "android_21_mips       | PyPI accepts Android tags of the form android_<api level>_<arch> with the architecture arm64_v8a, armeabi_v7a, x86, x86_64",
    })
    void refusalsSayWhatPyPIAccepts(String tag, String why) {
        assertEquals(Optional.of(why), PlatformTags.refusal(tag));
    }
}
