package io.github.pypimaven.distribution;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wheel platform tags PyPI accepts (Warehouse's {@code _valid_platform_tag}): a fixed list, then macOS, manylinux
 * and musllinux, iOS, Android and Pyodide patterns, each with the architectures PyPI knows. Tags are compared in lower
 * case, as packaging's {@code Tag} stores them. The patterns match from the start of the tag only, as Python's
 * {@code re.match} does, and {@code \p{Nd}} stands for Python's Unicode-aware {@code \d}.
 */
final class PlatformTags {

    private static final Set<String> FIXED = Set.of("any", "win32", "win_arm64", "win_amd64", "win_ia64",
            "manylinux1_x86_64", "manylinux1_i686", "manylinux2010_x86_64", "manylinux2010_i686",
            "manylinux2014_x86_64", "manylinux2014_i686", "manylinux2014_aarch64", "manylinux2014_armv7l",
            "manylinux2014_ppc64", "manylinux2014_ppc64le", "manylinux2014_s390x", "linux_armv6l", "linux_armv7l");
    private static final Pattern MACOS = Pattern.compile("macosx_(\\p{Nd}+)_(\\p{Nd}+)_([^\\n]*)");
    private static final Set<String> MACOS_ARCHES = Set.of("ppc", "ppc64", "i386", "x86_64", "arm64", "intel", "fat",
            "fat3", "fat64", "universal", "universal2");
    /** macOS 10 counts minor versions ({@code macosx_10_9}); from 11 on only {@code macosx_N_0} is accepted. */
    private static final Set<String> MACOS_MAJORS_FROM_11 = Set.of("11", "12", "13", "14", "15", "26");
    private static final Pattern LINUX = Pattern.compile("(many|musl)linux_(\\p{Nd}+)_(\\p{Nd}+)_([^\\n]*)");
    private static final Set<String> MUSLLINUX_ARCHES = Set.of("x86_64", "i686", "aarch64", "armv7l", "ppc64le",
            "s390x", "riscv64");
    private static final Set<String> MANYLINUX_EXTRA_ARCHES = Set.of("ppc64");
    private static final Pattern IOS =
            Pattern.compile("ios_(\\p{Nd}+)_(\\p{Nd}+)_([^\\n]*)_(iphoneos|iphonesimulator)");
    private static final Set<String> IOS_ARCHES = Set.of("arm64", "x86_64");
    private static final Pattern ANDROID = Pattern.compile("android_(\\p{Nd}+)_([^\\n]*)");
    private static final Set<String> ANDROID_ARCHES = Set.of("armeabi_v7a", "arm64_v8a", "x86", "x86_64");
    private static final Pattern PYEMSCRIPTEN = Pattern.compile("pyemscripten_(\\p{Nd}+)_(\\p{Nd}+)_wasm32");

    private PlatformTags() {
    }

    /** Empty when PyPI accepts the platform tag; otherwise what is wrong with it and what to do. */
    static Optional<String> refusal(String platformTag) {
        String tag = platformTag.toLowerCase(Locale.ROOT);
        if (FIXED.contains(tag)) {
            return Optional.empty();
        }
        Matcher m = MACOS.matcher(tag);
        if (m.lookingAt()) {
            return macos(m.group(1), m.group(2), m.group(3));
        }
        m = LINUX.matcher(tag);
        if (m.lookingAt()) {
            boolean many = m.group(1).equals("many");
            String arch = m.group(4);
            return MUSLLINUX_ARCHES.contains(arch) || many && MANYLINUX_EXTRA_ARCHES.contains(arch) ? Optional.empty()
                    : Optional.of("PyPI knows no " + m.group(1) + "linux architecture '" + arch + "' (it accepts "
                    + String.join(", ", sorted(MUSLLINUX_ARCHES)) + (many ? ", ppc64" : "") + ")");
        }
        m = IOS.matcher(tag);
        if (m.lookingAt() && IOS_ARCHES.contains(m.group(3))) {
            return Optional.empty();
        }
        m = ANDROID.matcher(tag);
        if (m.lookingAt() && ANDROID_ARCHES.contains(m.group(2))) {
            return Optional.empty();
        }
        if (PYEMSCRIPTEN.matcher(tag).lookingAt()) {
            return Optional.empty();
        }
        if (tag.startsWith("linux_")) {
            return Optional.of("PyPI refuses plain linux wheels (only linux_armv6l and linux_armv7l are accepted)."
                    + " Repair the wheel into a manylinux or musllinux wheel with auditwheel (auditwheel repair) and"
                    + " upload that");
        }
        if (tag.startsWith("ios_")) {
            return Optional.of("PyPI accepts iOS tags of the form ios_<major>_<minor>_<arch>_iphoneos (or"
                    + " _iphonesimulator) with the architecture arm64 or x86_64");
        }
        if (tag.startsWith("android_")) {
            return Optional.of("PyPI accepts Android tags of the form android_<api level>_<arch> with the architecture "
                    + String.join(", ", sorted(ANDROID_ARCHES)));
        }
        return Optional.of("PyPI accepts only any, win32, win_amd64, win_arm64, win_ia64, manylinux1/2010/2014_<arch>,"
                + " manylinux_<x>_<y>_<arch>, musllinux_<x>_<y>_<arch>, macosx_<x>_<y>_<arch>, ios_..., android_...,"
                + " pyemscripten_..._wasm32, linux_armv6l and linux_armv7l. Build the wheel for one of these"
                + " platforms");
    }

    private static Optional<String> macos(String major, String minor, String arch) {
        if (!MACOS_ARCHES.contains(arch)) {
            return Optional.of("PyPI knows no macOS architecture '" + arch + "' (it accepts "
                    + String.join(", ", sorted(MACOS_ARCHES)) + ")");
        }
        if (major.equals("10") || MACOS_MAJORS_FROM_11.contains(major) && minor.equals("0")) {
            return Optional.empty();
        }
        if (MACOS_MAJORS_FROM_11.contains(major)) {
            return Optional.of("from macOS 11 on, PyPI accepts only macosx_" + major + "_0_" + arch + " (the minor"
                    + " version is always 0)");
        }
        return Optional.of("PyPI accepts macOS versions 10 and " + String.join(", ", sorted(MACOS_MAJORS_FROM_11))
                + " only");
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
