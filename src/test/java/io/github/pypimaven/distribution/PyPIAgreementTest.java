package io.github.pypimaven.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.pypimaven.testing.TestDistributions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugin's checks against the fake PyPI's upload rules, file by file: every hand-made edge case is judged by the
 * validator and then uploaded (with the plugin's own form) to a fake PyPI that follows Warehouse, and the two verdicts
 * must be the same, and the expected one. Files built by real backends are in {@link BackendAgreementTest}.
 *
 * <p>The fake PyPI's rules ({@code testing.pypi}) are written from Warehouse's and packaging's sources apart from the
 * validator, sharing no code with it, so that a rule misread on one side shows up as a disagreement here.
 */
class PyPIAgreementTest {

    enum Expected { ACCEPT, ACCEPT_WITH_WARNING, REFUSE }

    @TempDir
    Path dir;

    private static TestDistributions.Builder wheel() {
        return TestDistributions.wheel("agreement-demo", "1.0.0");
    }

    private static TestDistributions.Builder wheel(String metadataVersion) {
        return wheel().metadataVersion(metadataVersion);
    }

    private static TestDistributions.Builder tagged(String platform) {
        return wheel().pythonTag("cp312").abiTag("cp312").platformTag(platform);
    }

    static Stream<Arguments> urls() {
        String label32 = "L".repeat(32);
        return Stream.of(
                arguments("aiohttp's Matrix chat URL", wheel("2.4").field("Project-URL",
                        "Chat: Matrix, https://matrix.to/#/#aio-libs:matrix.org"), Expected.ACCEPT),
                arguments("a fragment with '#' and brackets", wheel().field("Project-URL",
                        "Docs, https://example.org/a#b#c[1]"), Expected.ACCEPT),
                arguments("a space in the path", wheel().field("Project-URL", "Docs, https://example.org/a b"),
                        Expected.ACCEPT),
                arguments("a space in the host", wheel().field("Project-URL", "Docs, https://exa mple.org/"),
                        Expected.ACCEPT_WITH_WARNING),
                arguments("no host", wheel().field("Home-page", "https:example.org"), Expected.ACCEPT_WITH_WARNING),
                arguments("brackets in the path", wheel().field("Project-URL", "Docs, https://example.org/a[1]"),
                        Expected.REFUSE),
                arguments("brackets in the query", wheel().field("Home-page", "https://example.org/?a[]=1"),
                        Expected.REFUSE),
                arguments("brackets removed with '..'", wheel().field("Home-page", "https://example.org/[x]/.."),
                        Expected.ACCEPT),
                arguments("an ftp URL", wheel().field("Download-URL", "ftp://example.org/x.tar.gz"), Expected.REFUSE),
                arguments("no scheme", wheel().field("Home-page", "example.org"), Expected.REFUSE),
                arguments("port 65536", wheel().field("Project-URL", "Docs, https://example.org:65536/"),
                        Expected.REFUSE),
                arguments("an IPv6 host with a bare zone", wheel().field("Home-page", "http://[fe80::1%eth0]/"),
                        Expected.ACCEPT),
                arguments("HTTPS in capitals", wheel().field("Home-page", "HTTPS://EXAMPLE.ORG/"), Expected.ACCEPT),
                arguments("a label of 32 characters", wheel().field("Project-URL", label32 + ", https://x.org"),
                        Expected.ACCEPT),
                arguments("a label of 33 characters", wheel().field("Project-URL", label32 + "L, https://x.org"),
                        Expected.REFUSE),
                arguments("a label of 32 non-ASCII characters", wheel().field("Project-URL",
                        "\u00e9".repeat(31) + "\uD83D\uDE00, https://x.org"), Expected.ACCEPT),
                arguments("a label padded with a no-break space", wheel().field("Project-URL",
                        label32 + "\u00a0, https://x.org"), Expected.ACCEPT),
                arguments("an empty label", wheel().field("Project-URL", ", https://x.org"), Expected.REFUSE),
                arguments("no comma", wheel().field("Project-URL", "https://x.org"), Expected.REFUSE),
                arguments("no URL", wheel().field("Project-URL", "Docs,"), Expected.REFUSE),
                arguments("a label twice", wheel().field("Project-URL", "Docs, https://a.org")
                        .field("Project-URL", "Docs , https://b.org"), Expected.REFUSE),
                arguments("labels differing in case", wheel().field("Project-URL", "Docs, https://a.org")
                        .field("Project-URL", "docs, https://b.org"), Expected.ACCEPT),
                arguments("UNKNOWN, which is never sent", wheel().field("Home-page", "UNKNOWN"), Expected.ACCEPT));
    }

    static Stream<Arguments> platformTags() {
        List<Arguments> cases = new ArrayList<>();
        for (String accepted : List.of("any", "win32", "win_amd64", "win_arm64", "linux_armv7l", "manylinux1_x86_64",
                "manylinux2014_aarch64", "manylinux_2_17_x86_64.manylinux2014_x86_64", "manylinux_2_28_riscv64",
                "musllinux_1_2_x86_64", "macosx_10_9_x86_64", "macosx_11_0_arm64", "MACOSX_26_0_UNIVERSAL2",
                "ios_13_0_arm64_iphoneos", "ios_13_0_x86_64_iphonesimulator", "android_21_arm64_v8a",
                "pyemscripten_2024_0_wasm32")) {
            cases.add(arguments("platform " + accepted, tagged(accepted), Expected.ACCEPT));
        }
        for (String refused : List.of("linux_x86_64", "linux_aarch64", "manylinux1_aarch64", "manylinux2014_riscv64",
                "musllinux_1_2_ppc64", "macosx_11_1_arm64", "macosx_16_0_arm64", "macosx_11_0_riscv64",
                "ios_13_0_armv7_iphoneos", "android_21_mips", "win_x86_64", "freebsd_14_0_amd64",
                "manylinux_2_17_x86_64.linux_x86_64")) {
            cases.add(arguments("platform " + refused, tagged(refused), Expected.REFUSE));
        }
        return cases.stream();
    }

    /** Each metadata version, then each field just before and at the version that introduced it. */
    static Stream<Arguments> metadataVersions() {
        List<Arguments> cases = new ArrayList<>();
        for (String accepted : List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5")) {
            cases.add(arguments("Metadata-Version " + accepted, wheel(accepted), Expected.ACCEPT));
            cases.add(arguments("Metadata-Version " + accepted + " sdist",
                    TestDistributions.sdist("agreement-demo", "1.0.0").metadataVersion(accepted), Expected.ACCEPT));
        }
        for (String refused : List.of("2.0", "2.6", "3.0", "1.3", "2")) {
            cases.add(arguments("Metadata-Version " + refused, wheel(refused), Expected.REFUSE));
        }
        List<String> order = List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5");
        for (MetadataField field : MetadataField.values()) {
            if (field.identifiesRelease() || field == MetadataField.LICENSE_FILE) {
                continue;
            }
            String value = sampleValue(field);
            int introduced = order.indexOf(field.introducedIn());
            cases.add(arguments(field.header() + " under " + field.introducedIn(),
                    wheel(field.introducedIn()).field(field.header(), value), Expected.ACCEPT));
            if (introduced > 0) {
                String older = order.get(introduced - 1);
                cases.add(arguments(field.header() + " under " + older, wheel(older).field(field.header(), value),
                        Expected.REFUSE));
            }
        }
        cases.add(arguments("License-File under 2.1 (left out of the upload)",
                wheel("2.1").licenseFile("LICENSE", "MIT"), Expected.ACCEPT));
        cases.add(arguments("License-File under 2.4", wheel("2.4").licenseFile("LICENSE", "MIT"), Expected.ACCEPT));
        return cases.stream();
    }

    private static String sampleValue(MetadataField field) {
        return switch (field) {
            case DESCRIPTION_CONTENT_TYPE -> "text/plain";
            case KEYWORDS -> "a,b";
            case HOME_PAGE -> "https://example.org";
            case DOWNLOAD_URL -> "https://example.org/download";
            case AUTHOR_EMAIL, MAINTAINER_EMAIL -> "someone@example.org";
            case LICENSE, LICENSE_EXPRESSION -> "MIT";
            case CLASSIFIER -> "Programming Language :: Python :: 3";
            case REQUIRES_DIST -> "requests>=2; python_version >= \"3.8\"";
            case REQUIRES_PYTHON -> ">=3.8";
            case PROJECT_URL -> "Source, https://example.org/src";
            case PROVIDES_EXTRA -> "cli";
            case DYNAMIC -> "Summary";
            case IMPORT_NAME, IMPORT_NAMESPACE -> "agreement_demo";
            default -> "x";
        };
    }

    static Stream<Arguments> otherRules() {
        return Stream.of(
                arguments("charset=UTF-8", wheel().description("x", "text/markdown; charset=UTF-8"), Expected.ACCEPT),
                arguments("charset=utf-8", wheel().description("x", "text/markdown; charset=utf-8"), Expected.REFUSE),
                arguments("charset= (empty)", wheel().description("x", "text/markdown; charset="), Expected.ACCEPT),
                arguments("variant=gfm", wheel().description("x", "text/markdown; variant=gfm"), Expected.REFUSE),
                arguments("text/html", wheel().description("x", "text/html"), Expected.REFUSE),
                arguments("summary of 512 characters", wheel().field("Summary", "s".repeat(512)), Expected.ACCEPT),
                arguments("summary of 513 characters", wheel().field("Summary", "s".repeat(513)), Expected.REFUSE),
                arguments("summary of 512 emoji", wheel().field("Summary", "\uD83D\uDE00".repeat(512)), Expected.ACCEPT),
                arguments("summary on two lines", wheel().field("Summary", "one\n two"), Expected.REFUSE),
                arguments("Summary twice", wheel().field("Summary", "a").field("Summary", "b"),
                        Expected.ACCEPT_WITH_WARNING),
                arguments("Keywords twice", wheel().field("Keywords", "a").field("Keywords", "b"),
                        Expected.ACCEPT_WITH_WARNING),
                arguments("Dynamic: Dynamic", wheel("2.2").field("Dynamic", "Dynamic"), Expected.REFUSE),
                arguments("Dynamic: Version", wheel("2.2").field("Dynamic", "Version"), Expected.REFUSE),
                arguments("Dynamic: Bogus", wheel("2.2").field("Dynamic", "Bogus"), Expected.REFUSE),
                arguments("Dynamic: home-page", wheel("2.2").field("Dynamic", "home-page"), Expected.ACCEPT),
                arguments("License with License-Expression", wheel("2.4").field("License", "MIT")
                        .field("License-Expression", "MIT"), Expected.REFUSE),
                arguments("License UNKNOWN with License-Expression", wheel("2.4").field("License", "UNKNOWN")
                        .field("License-Expression", "MIT"), Expected.ACCEPT),
                arguments("a direct URL dependency", wheel().field("Requires-Dist",
                        "dep @ https://example.org/dep-1.0.tar.gz"), Expected.REFUSE),
                arguments("Provides-Dist with a URL", wheel().field("Provides-Dist", "dep@ https://example.org/x"),
                        Expected.REFUSE),
                arguments("an extra '-bad'", wheel().field("Provides-Extra", "-bad"), Expected.REFUSE),
                arguments("License-File '../LICENSE'", wheel("2.4").field("License-File", "../LICENSE"),
                        Expected.REFUSE),
                arguments("License-File './LICENSE'", wheel("2.4").field("License-File", "./LICENSE"), Expected.REFUSE),
                arguments("Import-Name with a keyword", wheel("2.5").field("Import-Name", "agreement_demo.class"),
                        Expected.REFUSE),
                arguments("Import-Name; private", wheel("2.5").field("Import-Name", "agreement_demo._x ; private"),
                        Expected.ACCEPT),
                arguments("Import-Name; public", wheel("2.5").field("Import-Name", "agreement_demo; public"),
                        Expected.REFUSE),
                arguments("a local version", TestDistributions.wheel("agreement-demo", "1.0+local"), Expected.REFUSE),
                arguments("a version padded with a no-break space", TestDistributions.wheel("agreement-demo",
                        "1.0.0\u00a0").filename("agreement_demo-1.0.0-py3-none-any.whl"), Expected.ACCEPT),
                arguments("an invalid name", TestDistributions.wheel("-bad-", "1.0.0")
                        .filename("bad-1.0.0-py3-none-any.whl"), Expected.REFUSE),
                arguments("a wheel name not normalized", wheel().filename("Agreement_Demo-1.0.0-py3-none-any.whl"),
                        Expected.REFUSE),
                arguments("a wheel version written differently", wheel().filename(
                        "agreement_demo-1.0-py3-none-any.whl"), Expected.ACCEPT),
                arguments("a wheel version that differs", wheel().filename("agreement_demo-1.0.1-py3-none-any.whl"),
                        Expected.REFUSE),
                arguments("an sdist name not normalized", TestDistributions.sdist("agreement-demo", "1.0.0")
                        .filename("agreement-demo-1.0.0.tar.gz"), Expected.REFUSE),
                arguments("an sdist version not normalized", TestDistributions.sdist("agreement-demo", "1.0.0")
                        .filename("agreement_demo-1.0.tar.gz"), Expected.REFUSE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"urls", "platformTags", "metadataVersions", "otherRules"})
    void sameVerdictAsPyPI(String what, TestDistributions.Builder file, Expected expected) throws IOException {
        Verdicts v = Verdicts.of(file.writeTo(dir));
        v.assertAgree();
        assertEquals(expected != Expected.REFUSE, v.pypiAccepts(), what + ": " + v);
        if (expected != Expected.REFUSE) {
            assertEquals(expected == Expected.ACCEPT_WITH_WARNING, !v.warnings().isEmpty(), what + ": " + v);
        }
    }
}
