package io.github.pypimaven.upload;

import io.github.pypimaven.distribution.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text fields of one upload: the protocol fields, the file's identity, every metadata field under PyPI's
 * form names (see {@code CoreMetadata#formFields()}), the digests, and the attestations. The file itself goes last, as
 * {@code content}.
 */
public final class UploadForm {

    private UploadForm() {}

    /** Without attestations. */
    public static List<Map.Entry<String, String>> of(Distribution distribution, boolean md5Digest) {
        return of(distribution, md5Digest, Optional.empty());
    }

    /**
     * @param md5Digest whether to add {@code md5_digest}: PyPI needs only sha256, some other indexes want md5
     * @param attestations the {@code attestations} field (PEP 740): a JSON array of attestation objects; PyPI accepts
     *     it only on uploads authenticated by Trusted Publishing, and refuses an empty array
     */
    public static List<Map.Entry<String, String>> of(Distribution distribution, boolean md5Digest,
            Optional<String> attestations) {
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
        fields.add(Map.entry("sha256_digest", distribution.sha256()));
        if (md5Digest) {
            fields.add(Map.entry("md5_digest", distribution.md5()));
        }
        attestations.ifPresent(json -> fields.add(Map.entry("attestations", json)));
        return fields;
    }
}
