package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.ArchiveMemberName;
import io.github.pypimaven.distribution.DescriptionContentType;
import io.github.pypimaven.files.FileGlob;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Finds the readme and the license files of a project, relative to its base directory. */
final class ProjectFiles {

    /** A readme: its path relative to the base directory ('/'-separated), text and content type. */
    record Readme(String path, String text, String contentType) {
    }

    private ProjectFiles() {
    }

    static Readme readme(Path baseDir, String path, String origin) throws PackagingException {
        String name = baseDir.resolve(path).normalize().getFileName().toString();
        DescriptionContentType type = DescriptionContentType.forFilename(name).orElseThrow(() -> new PackagingException(
                origin + ": cannot tell the content type of readme '" + path + "' from its extension; rename it to "
                + DescriptionContentType.extensions() + " (or, in pyproject.toml, use a table: readme = {file ="
                + " \"...\", content-type = \"text/markdown\"})"));
        return readme(baseDir, path, type.mimeType(), origin);
    }

    static Readme readme(Path baseDir, String path, String contentType, String origin) throws PackagingException {
        Path file = baseDir.resolve(path).normalize();
        return new Readme(relative(baseDir, file, origin), readUtf8(file, origin + ": readme"), contentType);
    }

    static String readUtf8(Path file, String what) throws PackagingException {
        if (!Files.isRegularFile(file)) {
            throw new PackagingException(what + " file " + file + " does not exist; create it or fix the path");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PackagingException(what + " file " + file + " is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files matching the globs, sorted, as '/'-separated paths relative to the base directory. Dot files and
     * directories and Maven's output directory never match.
     *
     * @param mustMatch PEP 639 makes a configured glob that matches nothing an error; the defaults may match nothing
     */
    static List<String> licenseFiles(Path baseDir, List<String> globs, boolean mustMatch, String origin)
            throws PackagingException {
        TreeSet<String> found = new TreeSet<>();
        for (String glob : globs) {
            if (glob.startsWith("/") || glob.contains("..") || glob.contains("\\")) {
                throw new PackagingException(origin + ": license-files glob '" + glob
                        + "' must be a relative '/'-separated path inside the project without '..'");
            }
        }
        for (String glob : globs) {
            List<Path> matched;
            try {
                matched = new FileGlob(baseDir, glob, ProjectFiles::isIgnored).files();
            } catch (IOException e) {
                throw new PackagingException("Cannot list the files of " + baseDir + ": " + e.getMessage(), e);
            }
            if (matched.isEmpty() && mustMatch) {
                throw new PackagingException(origin + ": license-files glob '" + glob + "' matches no file under "
                        + baseDir + "; fix or remove the pattern");
            }
            for (Path file : matched) {
                requireInside(baseDir, file, origin + ": license file");
                found.add(ArchiveFiles.memberPath(baseDir, file));
            }
        }
        return new ArrayList<>(found);
    }

    private static boolean isIgnored(String path) {
        return path.equals("target") || path.startsWith("target/") || path.startsWith(".") || path.contains("/.");
    }

    private static String relative(Path baseDir, Path file, String origin) throws PackagingException {
        Path base = baseDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            throw new PackagingException(origin + ": readme " + file + " is outside the project directory " + base
                    + "; the sdist can only carry files inside it");
        }
        requireInside(baseDir, file, origin + ": readme");
        return ArchiveFiles.memberPath(base, abs);
    }

    /**
     * Refuses a file that is, or lies under, a symbolic link leading out of the project: a distribution carries only
     * the project's own files, never one a link points at (a system file, another user's).
     */
    static void requireInside(Path baseDir, Path file, String what) throws PackagingException {
        if (!Files.exists(file)) {
            return; // reading it says that it is missing
        }
        try {
            Path realBase = baseDir.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realBase)) {
                throw new PackagingException(what + " " + file + " leads through a symbolic link to "
                        + ArchiveMemberName.shown(real.toString()) + ", outside the project directory " + realBase
                        + "; a distribution carries only files inside"
                        + " the project. Copy the file into the project instead of linking it");
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
