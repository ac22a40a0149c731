package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.ArchiveMemberName;
import io.github.pypimaven.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/** Small pieces the wheel and sdist writers share. */
final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /** The hash form of a wheel RECORD: URL-safe base64 without padding. */
    static String recordHash(byte[] data) {
        return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(data));
    }

    /**
     * The Java time to give a ZIP entry so that its DOS date fields hold the UTC wall-clock time of the instant.
     * ZIP stores local time without a zone and Java converts with the default zone, so without this the bytes of a
     * wheel would depend on the zone of the build machine.
     */
    static long zipTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /**
     * A file's member name: its path below {@code base}, '/'-separated. The names are joined rather than the separator
     * replaced, so that a backslash in a Linux file name stays a backslash, for {@link
     * io.github.pypimaven.distribution.ArchiveMemberName} to refuse, instead of becoming a directory separator.
     */
    static String memberPath(Path base, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path name : base.relativize(file)) {
            path.append(path.length() == 0 ? "" : "/").append(name);
        }
        return path.toString();
    }

    /**
     * Refuses a member name that is not a relative '/'-separated path inside the archive: the last check before a
     * member is written, whatever the name came from.
     */
    static void requireSafeMemberNames(Iterable<String> names, String archive) throws PackagingException {
        for (String name : names) {
            Optional<String> problem = ArchiveMemberName.problem(name);
            if (problem.isPresent()) {
                throw new PackagingException("Cannot write " + archive + ": the member name '"
                        + ArchiveMemberName.shown(name) + "' " + problem.get() + ". Rename the file it comes from");
            }
        }
    }

    static byte[] read(Path file) throws PackagingException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
