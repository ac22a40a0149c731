package io.github.pypimaven.testing.pypi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Warehouse's rules on the name of the uploaded file: its characters and extension, then PEP 427 / PEP 625 names. */
final class DistFilenameRules {

    private static final Pattern DIST_FILE = Pattern.compile("^.+?(\\.(tar\\.gz|zip|whl))$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHEEL_NAME_PART = Pattern.compile("^[\\w.]+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BUILD_TAG = Pattern.compile("^(\\d+)(.*)$");

    private static final Set<String> STATIC_PLATFORMS = Set.of("any", "win32", "win_arm64", "win_amd64", "win_ia64",
            "manylinux1_x86_64", "manylinux1_i686", "manylinux2010_x86_64", "manylinux2010_i686",
            "manylinux2014_x86_64", "manylinux2014_i686", "manylinux2014_aarch64", "manylinux2014_armv7l",
            "manylinux2014_ppc64", "manylinux2014_ppc64le", "manylinux2014_s390x", "linux_armv6l", "linux_armv7l");
    /** Python's {@code re.match}: anchored at the start only; {@code \\d} is any Unicode digit, as in Python. */
    private static final int PY = Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern MACOSX = Pattern.compile("^macosx_(\\d+)_(\\d+)_(.*)", PY);
    private static final Set<String> MACOSX_ARCHES = Set.of("ppc", "ppc64", "i386", "x86_64", "arm64", "intel", "fat",
            "fat3", "fat64", "universal", "universal2");
    private static final Set<String> MACOSX_MAJORS = Set.of("11", "12", "13", "14", "15", "26");
    private static final Pattern LINUX = Pattern.compile("^(many|musl)linux_(\\d+)_(\\d+)_(.*)", PY);
    private static final Set<String> MUSLLINUX_ARCHES = Set.of("x86_64", "i686", "aarch64", "armv7l", "ppc64le",
            "s390x", "riscv64");
    private static final Pattern IOS = Pattern.compile("^ios_(\\d+)_(\\d+)_(.*)_(iphoneos|iphonesimulator)", PY);
    private static final Pattern ANDROID = Pattern.compile("^android_(\\d+)_(.*)", PY);
    private static final Set<String> ANDROID_ARCHES = Set.of("armeabi_v7a", "arm64_v8a", "x86", "x86_64");
    private static final Pattern PYEMSCRIPTEN = Pattern.compile("^pyemscripten_(\\d+)_(\\d+)_wasm32", PY);

    private DistFilenameRules() {
    }

    /** {@code _validate_filename}: no control characters, no path separators, an extension matching the filetype. */
    static void checkCharactersAndExtension(String filename, String filetype) throws UploadRejected {
        if (filename.chars().anyMatch(c -> c < 32 || c == 127)) {
            throw UploadRejected.badRequest("Cannot upload a file with non-printable characters (ordinals 0-31) "
                    + "or the DEL character (ordinal 127) in the name.");
        }
        if (filename.contains("/") || filename.contains("\\")) {
            throw UploadRejected.badRequest("Cannot upload a file with '/' or '\\' in the name.");
        }
        Matcher m = DIST_FILE.matcher(filename);
        if (!m.matches()) {
            throw UploadRejected.badRequest("Invalid file extension: Use .tar.gz, .whl or .zip extension. "
                    + "See https://www.python.org/dev/peps/pep-0527 and https://peps.python.org/pep-0715/ "
                    + "for more information");
        }
        String extension = m.group(1);
        boolean fits = filetype.equals("sdist") ? extension.equals(".tar.gz") || extension.equals(".zip")
                : extension.equals(".whl");
        if (!fits) {
            throw UploadRejected.badRequest("Invalid file extension: Extension " + extension + " is invalid for "
                    + "filetype " + filetype + ". See https://www.python.org/dev/peps/pep-0527 for more information.");
        }
    }

    /** PEP 625: exactly {@code {normalized_name_with_underscores}-{normalized version}.tar.gz}. */
    static void checkSdistName(String filename, String metaName, PyVersion version) throws UploadRejected {
        String base = filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7)
                : filename.endsWith(".zip") ? filename.substring(0, filename.length() - 4) : null;
        int dash = base == null ? -1 : base.lastIndexOf('-');
        if (dash <= 0 || PyVersion.parse(base.substring(dash + 1)) == null) {
            throw UploadRejected.badRequest("Invalid source distribution filename: " + filename);
        }
        String nameFromFile = base.substring(0, dash);
        String normalized = PyNames.canonicalize(metaName);
        // Post releases may contain a '-' ("1.0-1"): then the name ends one dash earlier.
        if (!PyNames.canonicalize(nameFromFile).equals(normalized) && version.isPostRelease()
                && nameFromFile.contains("-")) {
            String shorter = nameFromFile.substring(0, nameFromFile.lastIndexOf('-'));
            if (PyVersion.parse(base.substring(shorter.length() + 1)) != null) {
                nameFromFile = shorter;
            }
        }
        String expectedName = normalized.replace('-', '_');
        if (!PyNames.canonicalize(nameFromFile).equals(normalized)) {
            throw UploadRejected.badRequest("Start filename for " + PyRepr.of(metaName) + " with "
                    + PyRepr.of(expectedName) + ".");
        }
        String expected = expectedName + "-" + version.toString() + ".tar.gz";
        if (!filename.equals(expected)) {
            throw UploadRejected.badRequest("Filename " + PyRepr.of(filename) + " is invalid, should be "
                    + PyRepr.of(expected) + ".");
        }
    }

    /** packaging's {@code parse_wheel_filename}, then PyPI's platform, name and version checks. */
    static void checkWheelName(String filename, String metaName, PyVersion version) throws UploadRejected {
        String stem = filename.substring(0, filename.length() - 4);
        long dashes = stem.chars().filter(c -> c == '-').count();
        if (dashes != 4 && dashes != 5) {
            throw UploadRejected.badRequest("Invalid wheel filename (wrong number of parts): " + PyRepr.of(stem));
        }
        String[] parts = stem.split("-");
        if (parts[0].isEmpty() || parts[0].contains("__") || !WHEEL_NAME_PART.matcher(parts[0]).matches()) {
            throw UploadRejected.badRequest("Invalid project name: " + PyRepr.of(stem));
        }
        PyVersion fileVersion = PyVersion.parse(parts[1]);
        if (fileVersion == null || !parts[1].equals(parts[1].strip())) {
            throw UploadRejected.badRequest("Invalid wheel filename (invalid version): " + PyRepr.of(stem));
        }
        if (dashes == 5 && !BUILD_TAG.matcher(parts[2]).matches()) {
            throw UploadRejected.badRequest("Invalid build number: " + parts[2] + " in " + PyRepr.of(stem));
        }
        List<String> platforms = new ArrayList<>();
        for (String tagSet : List.of(parts[parts.length - 3], parts[parts.length - 2], parts[parts.length - 1])) {
            for (String tag : tagSet.split("\\.", -1)) {
                if (tag.isEmpty()) {
                    throw UploadRejected.badRequest("Invalid wheel filename (invalid tag component): " + PyRepr.of(stem));
                }
            }
        }
        for (String platform : parts[parts.length - 1].split("\\.")) {
            platforms.add(platform.toLowerCase(Locale.ROOT));
        }
        for (String platform : platforms) {
            if (!isAllowedPlatform(platform)) {
                throw UploadRejected.badRequest("Binary wheel '" + filename + "' has an unsupported platform tag '"
                        + platform + "'.");
            }
        }
        String canonical = PyNames.canonicalize(metaName);
        if (!canonical.equals(PyNames.canonicalize(parts[0]))) {
            throw UploadRejected.badRequest("Start filename for " + PyRepr.of(metaName) + " with "
                    + PyRepr.of(canonical.replace('-', '_')) + ".");
        }
        String normalizedName = canonical.replace('-', '_');
        if (!parts[0].equals(normalizedName)) {
            throw UploadRejected.badRequest("Filename " + PyRepr.of(filename) + " should contain the normalized "
                    + "project name " + PyRepr.of(normalizedName) + ", not " + PyRepr.of(parts[0]) + ".");
        }
        if (!version.equals(fileVersion)) {
            throw UploadRejected.badRequest("Version in filename should be " + PyRepr.of(version.toString())
                    + " not " + PyRepr.of(fileVersion.toString()) + ".");
        }
    }

    static boolean isAllowedPlatform(String tag) {
        if (STATIC_PLATFORMS.contains(tag)) {
            return true;
        }
        Matcher m = MACOSX.matcher(tag);
        if (m.lookingAt() && MACOSX_ARCHES.contains(m.group(3))
                && (m.group(1).equals("10") || MACOSX_MAJORS.contains(m.group(1)) && m.group(2).equals("0"))) {
            return true;
        }
        m = LINUX.matcher(tag);
        if (m.lookingAt()) {
            return MUSLLINUX_ARCHES.contains(m.group(4)) || m.group(1).equals("many") && m.group(4).equals("ppc64");
        }
        m = IOS.matcher(tag);
        if (m.lookingAt() && (m.group(3).equals("arm64") || m.group(3).equals("x86_64"))) {
            return true;
        }
        m = ANDROID.matcher(tag);
        if (m.lookingAt() && ANDROID_ARCHES.contains(m.group(2))) {
            return true;
        }
        return PYEMSCRIPTEN.matcher(tag).lookingAt();
    }
}
