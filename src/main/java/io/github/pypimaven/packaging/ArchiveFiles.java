package io.github.pypimaven.packaging;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

/** Small pieces the wheel and sdist writers share. */
final class ArchiveFiles {

    private ArchiveFiles() {
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash form of a wheel RECORD: URL-safe base64 without padding. */
    static String recordHash(byte[] data) {
        return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(data));
    }

    /**
     * The Java time to give a ZIP entry so that its DOS date fields hold the UTC wall-clock time of the instant.
     * ZIP stores local time without a zone and Java converts with the default zone, so without this the bytes of a
     * wheel would depend on the zone of the build machine.
     */
    static long zipTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** Moves a finished temp file over the target so that readers never see a half-written archive. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
