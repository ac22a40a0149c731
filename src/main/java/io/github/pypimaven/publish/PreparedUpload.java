package io.github.pypimaven.publish;

import io.github.pypimaven.credentials.UploadCredentials;
import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.repository.RemoteIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * A release ready to be uploaded, with nothing sent yet: compared with the index, its credentials chosen (and minted),
 * its attestations made and verified. Its HTTP client is the run's (see {@link io.github.pypimaven.http.SharedHttpClients}).
 *
 * @param present      the files the index already has, identical: not uploaded again
 * @param credentials  the token to upload with; empty when there is nothing to upload
 * @param attestations the attestations of the files to upload, by file name; empty when none are made
 */
record PreparedUpload(PublishRequest request, RemoteIndex index, List<Distribution> release, CloseableHttpClient http,
        Set<String> present, Optional<UploadCredentials> credentials, Map<String, FileAttestations> attestations) {

    PreparedUpload {
        release = List.copyOf(release);
        present = Set.copyOf(present);
        attestations = Map.copyOf(attestations);
    }

}
