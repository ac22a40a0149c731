package io.github.pypimaven.packaging;

import io.github.pypimaven.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

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

    static byte[] read(Path file) throws PackagingException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackagingException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
