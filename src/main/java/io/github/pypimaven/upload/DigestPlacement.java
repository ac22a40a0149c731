package io.github.pypimaven.upload;

import io.github.pypimaven.repository.RemoteIndex;

/**
 * Where the digest fields go in the upload form: after the file, so that the file is hashed while it is sent and read
 * once, or before it, so that the file is hashed before its upload starts.
 *
 * <p>After the file is safe only where the index reads the whole form before it looks at a field. Warehouse (PyPI,
 * TestPyPI) does: its upload view works on WebOb's {@code request.POST}, which is the whole body parsed, and only then
 * hashes the {@code content} part and compares the digests; field order does not matter to it (uv sends a field after
 * {@code content} too). For other indexes (pypiserver, devpi, Nexus, Artifactory, proxies in front of them) this was
 * not verified, and they are not known by their URL, so they get the order twine uses: every field before the file.
 */
public final class DigestPlacement {

    private DigestPlacement() {
    }

    /** Whether the digests go after the file on this index. */
    public static boolean afterFile(RemoteIndex index) {
        return index.known().isPresent();
    }
}
