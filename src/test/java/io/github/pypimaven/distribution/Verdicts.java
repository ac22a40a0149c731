package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.HttpClientFactory;
import io.github.pypimaven.http.HttpSettings;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.upload.RetryPolicy;
import io.github.pypimaven.upload.UploadClient;
import io.github.pypimaven.upload.UploadException;
import io.github.pypimaven.upload.UploadForm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Both verdicts on one file: the plugin's validator (problems, warnings) and a fresh fake PyPI's answer to the
 * upload the plugin's client makes of it, with the plugin's own form.
 */
record Verdicts(Path file, List<String> problems, List<String> warnings, String pypiRefusal) {

    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcCJGFncmVlbWVudC10ZXN0";

    static Verdicts of(Path file) throws IOException {
        DistributionValidator validator = new DistributionValidator();
        Distribution d;
        try {
            d = new DistributionReader().read(file);
        } catch (DistributionException e) {
            throw new AssertionError("the plugin cannot read " + file.getFileName() + ", so it cannot upload it: "
                    + e.getMessage(), e);
        }
        List<String> problems = validator.check(d).stream().map(Problem::toString).toList();
        List<String> warnings = validator.warnings(d);
        String refusal = null;
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken(TOKEN);
             CloseableHttpClient http = new HttpClientFactory().create(
                     new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), "agreement-test"))) {
            new UploadClient().upload(http, TestTargets.remote(pypi.uploadUrl()), new BasicAuth("__token__", TOKEN, "test"), UploadForm.of(d, false), new RetryPolicy(1, Duration.ofMillis(1)), () -> { }, sent -> { });
        } catch (UploadException e) {
            refusal = e.getMessage();
        }
        return new Verdicts(file, problems, warnings, refusal);
    }

    boolean pluginAccepts() {
        return problems.isEmpty();
    }

    boolean pypiAccepts() {
        return pypiRefusal == null;
    }

    void assertAgree() {
        assertEquals(pypiAccepts(), pluginAccepts(), "the plugin and PyPI disagree on " + this);
    }

    @Override
    public String toString() {
        return file.getFileName() + "\n  plugin: " + (problems.isEmpty() ? "accepts" : "refuses: " + problems)
                + (warnings.isEmpty() ? "" : "\n  plugin warnings: " + warnings)
                + "\n  PyPI: " + (pypiRefusal == null ? "accepts" : "refuses: " + pypiRefusal);
    }
}
