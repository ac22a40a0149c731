package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pypimaven.testing.TestDistributions;
import io.github.pypimaven.testing.ExternalCommand;
import io.github.pypimaven.testing.pypi.FakePyPI;
import io.github.pypimaven.testing.pypi.UploadRequest;
import io.github.pypimaven.testing.TestServices;
import io.github.pypimaven.testing.TestTargets;
import io.github.pypimaven.upload.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's twine, an independent client, uploads the same files to the same fake PyPI as our publisher; the form
 * fields both send must agree, apart from the differences listed (and explained) below.
 *
 * <p>twine 4.0.2 reads Metadata-Version up to 2.2 only, so the files here are 2.1 and 2.2.
 */
class TwineComparisonTest {

    private static final Path TWINE = Path.of("/usr/bin/twine");
    private static final String TOKEN = "pypi-comparison-token";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.2"})
    void bothClientsSendTheSameFields(String metadataVersion) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(TWINE), "Debian's twine is not installed (.ci/run installs it)");
        List<Path> files = List.of(
                full(TestDistributions.wheel("compare-me", "2.0.1"), metadataVersion).writeTo(dir.resolve("dist")),
                full(TestDistributions.sdist("compare-me", "2.0.1"), metadataVersion).writeTo(dir.resolve("dist")));
        try (FakePyPI pypi = FakePyPI.start(0).acceptToken(TOKEN)) {
            TestServices.publisher().publish(TestServices.withToken(files, TestTargets.remote(pypi.uploadUrl()), TOKEN)
                    .md5Digest(true).retry(new RetryPolicy(1, Duration.ZERO)).build());
            ExternalCommand.Result twine = ExternalCommand.run(List.of(TWINE.toString(), "upload", "--non-interactive",
                    "--disable-progress-bar", "--repository-url", pypi.uploadUrl(), "-u", "__token__", "-p", TOKEN,
                    files.get(0).toString(), files.get(1).toString()), twineEnvironment(), dir, 180);
            assertTrue(twine.ok(), twine.output());

            List<UploadRequest> uploads = pypi.uploadRequests();
            assertEquals(4, uploads.size());
            for (int i = 0; i < 2; i++) {
                assertEquals(200, uploads.get(i).status());
                assertEquals(200, uploads.get(i + 2).status(), "twine's identical re-upload is accepted");
                assertEquals(uploads.get(i).contentFilename(), uploads.get(i + 2).contentFilename());
                assertEquals(comparable(uploads.get(i + 2), true), comparable(uploads.get(i), false),
                        "fields of " + uploads.get(i).contentFilename() + " (twine's, then ours)");
            }
        }
    }

    private static TestDistributions.Builder full(TestDistributions.Builder builder, String metadataVersion) {
        return builder.metadataVersion(metadataVersion)
                .field("Summary", "Compares two upload clients")
                .field("Home-page", "https://example.com/home")
                .field("Author", "Ann Author")
                .field("Author-email", "ann@example.com")
                .field("Maintainer", "Max Maintainer")
                .field("Maintainer-email", "max@example.com")
                .field("License", "MIT")
                .field("Keywords", "compare,twine")
                .field("Classifier", "Programming Language :: Python :: 3")
                .field("Classifier", "License :: OSI Approved :: MIT License")
                .field("Platform", "any")
                .field("Requires-Dist", "requests>=2.0")
                .field("Requires-Dist", "rich; extra == \"fancy\"")
                .field("Requires-Python", ">=3.8")
                .field("Project-URL", "Source, https://example.com/src")
                .field("Project-URL", "Issues, https://example.com/issues")
                .field("Provides-Extra", "fancy")
                .description("# compare-me\n\nSame fields, two clients.\n", "text/markdown")
                .module("compare_me/__init__.py", "VALUE = 1\n");
    }

    /**
     * The fields as a sorted multimap, without what legitimately differs between twine 4.0.2 and us:
     * <ul>
     *   <li>digests: twine also sends blake2_256 (the JDK has no BLAKE2; PyPI needs only one digest);</li>
     *   <li>empty values: twine sends some metadata fields empty, which PyPI treats as absent;</li>
     *   <li>{@code provides_extras}: twine 4.0.2's old name; PyPI's current name, which we send, is
     *       {@code provides_extra};</li>
     *   <li>{@code keywords}: twine 4.0.2 sends the header text as written, we send the keywords joined by ", " as
     *       twine 6+ and packaging do; PyPI splits both the same way;</li>
     *   <li>{@code pyversion} of an sdist: twine leaves it empty, we send {@code source}, which is what PyPI
     *       takes an empty value for.</li>
     * </ul>
     */
    private static Map<String, List<String>> comparable(UploadRequest upload, boolean twine) {
        Map<String, List<String>> fields = new TreeMap<>();
        for (Map.Entry<String, String> field : upload.fields()) {
            String name = field.getKey();
            String value = field.getValue();
            if (value.isEmpty() || name.equals("blake2_256_digest") || name.equals("md5_digest")) {
                continue;
            }
            if (twine && name.equals("provides_extras")) {
                name = "provides_extra";
            }
            if (name.equals("keywords")) {
                value = String.join(",", List.of(value.split("\\s*,\\s*")));
            }
            if (name.equals("description")) {
                value = value.strip();
            }
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (twine && upload.value("filetype").equals("sdist")) {
            fields.putIfAbsent("pyversion", List.of("source"));
        }
        return fields;
    }

    private Map<String, String> twineEnvironment() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        return Map.of("HOME", home.toString(), "PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring",
                "TWINE_NON_INTERACTIVE", "1");
    }
}
