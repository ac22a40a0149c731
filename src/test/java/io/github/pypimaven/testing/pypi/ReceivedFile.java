package io.github.pypimaven.testing.pypi;

import java.nio.file.Path;

/**
 * The {@code content} part of an upload as it arrived: written to {@code path} while hashed. When the part was bigger
 * than the size limit, only the first bytes are on disk ({@code truncated}); {@code size} and the digests still cover
 * every byte received.
 */
record ReceivedFile(String filename, String contentType, Path path, long size, String sha256, String md5,
        boolean truncated) {
}
