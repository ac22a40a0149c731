package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.ProjectName;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the output folder of the project's wheels and sdists from earlier builds (another version, another python
 * tag) before a build writes its own: otherwise {@code distributions = target/dist/*}, or a user's upload command,
 * publishes them again next to the new ones. Only this project's distributions are removed, so a folder shared with
 * other tools keeps their files.
 */
final class StaleDistributions {

    private static final Logger LOG = LoggerFactory.getLogger(StaleDistributions.class);

    private StaleDistributions() {
    }

    static void remove(Path outputDirectory, ProjectName name) throws PackagingException {
        if (!Files.isDirectory(outputDirectory)) {
            return;
        }
        String prefix = name.filenameForm() + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outputDirectory)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                boolean distribution = fileName.endsWith(".whl") || fileName.endsWith(".tar.gz");
                if (distribution && fileName.startsWith(prefix) && Files.isRegularFile(file)) {
                    Files.delete(file);
                    LOG.info("Removed {} from an earlier build", file);
                }
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot clear the earlier distributions of " + name + " from "
                    + outputDirectory + " (outputDirectory, pypi.outputDirectory): " + e.getMessage()
                    + "; remove them yourself, or run mvn clean", e);
        }
    }
}
