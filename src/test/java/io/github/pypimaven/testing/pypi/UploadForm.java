package io.github.pypimaven.testing.pypi;

import java.util.List;

/** The fields of an upload that passed Warehouse's form and metadata validation, as later checks need them. */
record UploadForm(String name, PyVersion version, String filetype, String pyversion, String md5Digest,
        String sha256Digest, String blake2Digest, List<String> licenseFiles) {
}
