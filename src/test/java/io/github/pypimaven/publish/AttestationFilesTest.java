package io.github.pypimaven.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestationFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachDistributionGetsItsOwnAttestationFilesSortedFromEveryDirectory() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path wheel = touch(dir.resolve("demo-1.0-py3-none-any.whl"));
        Path sdist = touch(dir.resolve("demo-1.0.tar.gz"));
        Path elsewhere = touch(other.resolve("demo-1.0-cp312-cp312-win_amd64.whl"));
        touch(dir.resolve("demo-1.0-py3-none-any.whl.publish.attestation"));
        touch(dir.resolve("demo-1.0-py3-none-any.whl.a-custom.attestation"));
        touch(dir.resolve("demo-1.0.tar.gz.publish.attestation"));
        touch(other.resolve("demo-1.0-cp312-cp312-win_amd64.whl.publish.attestation"));
        touch(dir.resolve("demo-1.0-py3-none-any.whl.attestation")); // no kind: not an attestation file of the wheel
        touch(dir.resolve("demo-1.0-py3-none-any.whl.sig"));
        Files.createDirectory(dir.resolve("demo-1.0.tar.gz.dir.attestation")); // not a regular file

        Map<Path, List<Path>> found = AttestationFiles.find(List.of(wheel, sdist, elsewhere));

        assertEquals(List.of(wheel, sdist, elsewhere), List.copyOf(found.keySet()), "in the distributions' order");
        assertEquals(List.of(dir.resolve("demo-1.0-py3-none-any.whl.a-custom.attestation"),
                dir.resolve("demo-1.0-py3-none-any.whl.publish.attestation")), found.get(wheel));
        assertEquals(List.of(dir.resolve("demo-1.0.tar.gz.publish.attestation")), found.get(sdist));
        assertEquals(List.of(other.resolve("demo-1.0-cp312-cp312-win_amd64.whl.publish.attestation")),
                found.get(elsewhere));
        assertEquals(found.get(wheel), AttestationFiles.find(List.of(wheel)).get(wheel),
                "one file alone finds the same");
    }

    @Test
    void aDistributionWithoutAttestationsHasNone() throws IOException {
        Path wheel = touch(dir.resolve("demo-1.0-py3-none-any.whl"));
        assertEquals(List.of(), AttestationFiles.find(List.of(wheel)).get(wheel));
    }

    private static Path touch(Path file) throws IOException {
        return Files.writeString(file, "x");
    }
}
