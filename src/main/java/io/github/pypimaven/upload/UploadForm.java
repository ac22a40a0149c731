package io.github.pypimaven.upload;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.FileDigests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One upload's form: the protocol fields, the file's identity, every metadata field under PyPI's form names (see
 * {@code CoreMetadata#formFields()}), the digests and the attestations, then the file itself as {@code content}.
 *
 * <p>The digests go before the file when they are known, and after it when the index reads the whole form before it
 * looks at a field (see {@link DigestPlacement}): then the body hashes the file as it sends it, so a file that nothing
 * else needed the digests of is read once, for sending.
 *
 * @param fields           the text fields before the file, in order; repeated names are repeated parts
 * @param file             the file, sent as the {@code content} part
 * @param digestsAfterFile the digest fields that follow the file, computed as it is sent; empty when they are among
 *                         {@code fields}
 */
public record UploadForm(List<Map.Entry<String, String>> fields, Path file,
        Optional<DigestsAfterFile> digestsAfterFile) {

    /** The name of the file part. */
    public static final String FILE_FIELD = "content";

    public UploadForm {
        fields = List.copyOf(fields);
    }

    /** A form with the digests (if any) among the fields. */
    public UploadForm(List<Map.Entry<String, String>> fields, Path file) {
        this(fields, file, Optional.empty());
    }

    /** {@code sha256_digest}, and {@code md5_digest} when {@code md5}, after the file, from hashing it as it is sent. */
    public record DigestsAfterFile(FileDigests digests, boolean md5) {
    }

    /** Without attestations, the digests first. */
    public static UploadForm of(Distribution distribution, boolean md5Digest) {
        return of(distribution, md5Digest, Optional.empty(), false);
    }

    /**
     * @param md5Digest whether to add {@code md5_digest}: PyPI needs only sha256, some other indexes want md5
     * @param attestations the {@code attestations} field (PEP 740): a JSON array of attestation objects; PyPI accepts
     *     it only on uploads authenticated by Trusted Publishing, and refuses an empty array
     * @param digestsAfterFile whether the index takes the digests after the file: then they go there unless they are
     *     known already (a file that was hashed anyway is not hashed again while it is sent)
     */
    public static UploadForm of(Distribution distribution, boolean md5Digest, Optional<String> attestations,
            boolean digestsAfterFile) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry(":action", "file_upload"));
        fields.add(Map.entry("protocol_version", "1"));
        fields.add(Map.entry("filetype", distribution.kind().filetype()));
        fields.add(Map.entry("pyversion", distribution.pythonTag()));
        fields.add(Map.entry("metadata_version", distribution.metadata().metadataVersion()));
        // Name and Version exactly as the metadata says: PyPI shows the name as sent.
        fields.add(Map.entry("name", distribution.metadata().name()));
        fields.add(Map.entry("version", distribution.metadata().version()));
        fields.addAll(distribution.metadata().formFields());
        attestations.ifPresent(json -> fields.add(Map.entry("attestations", json)));
        FileDigests digests = distribution.digests();
        if (digestsAfterFile && !digests.isKnown(md5Digest)) {
            return new UploadForm(fields, distribution.path(),
                    Optional.of(new DigestsAfterFile(digests, md5Digest)));
        }
        fields.add(Map.entry("sha256_digest", distribution.sha256()));
        if (md5Digest) {
            fields.add(Map.entry("md5_digest", distribution.md5()));
        }
        return new UploadForm(fields, distribution.path(), Optional.empty());
    }

    /** The file's name, as the {@code content} part carries it. */
    public String filename() {
        return file.getFileName().toString();
    }
}
