package io.github.pypimaven.testing;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadForm;
import java.nio.file.Path;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/** Puts a file on an index before an IT runs (e.g. an earlier, different build of the same file name). */
public final class ItUploads {

    private ItUploads() {}

    public static void upload(String uploadUrl, String token, Path file) throws Exception {
        Distribution distribution = new DistributionReader().read(file);
        try (CloseableHttpClient http = new HttpClientFactory().create(HttpSettings.defaults())) {
            new UploadClient().upload(http, TestTargets.remote(uploadUrl), new BasicAuth("__token__", token, "test"),
                    UploadForm.of(distribution, false), RetryPolicy.defaults(), () -> { }, sent -> { });
        }
    }
}
