package io.github.pypimaven.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.inject.Named;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a pure-Python wheel and an sdist from a project's Python sources and metadata. */
@Named
@Singleton
public class DistributionBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionBuilder.class);

    public BuiltDistributions build(BuildRequest request) throws PackagingException {
        return build(request, CoreMetadataWriter.METADATA_VERSION);
    }

    /** With metadata version "2.2" for tools that refuse newer metadata (twine 4); only tests use it. */
    BuiltDistributions build(BuildRequest request, String metadataVersion) throws PackagingException {
        WheelWriter.checkPythonTag(request.pythonTag());
        Instant time = ArchiveTimestamp.parse(request.outputTimestamp());
        ProjectMetadata metadata = readMetadata(request.baseDir(), request.pom(), request.options());
        PythonSources sources = PythonSources.scan(request.sourceDirectory());
        StaleDistributions.remove(request.outputDirectory(), metadata.name());
        Path wheel = WheelWriter.write(request.outputDirectory(), metadata, metadataVersion, sources, request.baseDir(),
                request.pythonTag(), request.generator(), time);
        LOG.info("Built {}", wheel.getFileName());
        Path sdist = null;
        if (request.sdist()) {
            sdist = SdistWriter.write(request.outputDirectory(), metadata, metadataVersion, sources, request.baseDir(),
                    request.pythonTag(), time);
            LOG.info("Built {}", sdist.getFileName());
        }
        return new BuiltDistributions(metadata, wheel, request.pythonTag() + "-none-any", sdist);
    }

    /**
     * From {@code <baseDir>/pyproject.toml} when there is one, else from the POM and the parameters; then set against
     * graalpy-maven-plugin's packages, if any.
     */
    public ProjectMetadata readMetadata(Path baseDir, PomFacts pom, PackageOptions options) throws PackagingException {
        PomMetadataMapper fromPom = new PomMetadataMapper(baseDir, pom, options);
        Path pyproject = baseDir.resolve("pyproject.toml");
        ProjectMetadata metadata;
        String source;
        if (Files.isRegularFile(pyproject)) {
            metadata = new PyprojectReader(pyproject, fromPom, options).read();
            source = pyproject.toString();
        } else {
            metadata = fromPom.toMetadata();
            source = "the POM";
        }
        options.graalPyPackages().check(metadata, source);
        return metadata;
    }
}
