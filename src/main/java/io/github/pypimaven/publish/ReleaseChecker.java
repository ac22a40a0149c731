package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionException;
import io.github.pypimaven.distribution.DistributionKind;
import io.github.pypimaven.distribution.DistributionReader;
import io.github.pypimaven.distribution.DistributionValidator;
import io.github.pypimaven.files.ParallelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Reads and checks every file of a release before anything is sent, and puts them in upload order: wheels
 * first (installers then never fall back to building a half-published sdist), the sdist last.
 */
@Named
@Singleton
public class ReleaseChecker {

    private final DistributionReader reader;
    private final DistributionValidator validator;

    @Inject
    public ReleaseChecker(DistributionReader reader, DistributionValidator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    /** Reads every file (spread over the cores: a release of many wheels is read at once), then checks them. */
    public List<Distribution> check(List<Path> files) throws PublishException {
        List<Distribution> release = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Read read : ParallelFiles.map(files, this::read)) {
            if (read.distribution() != null) {
                release.add(read.distribution());
            } else {
                unreadable.add(read.problem());
            }
        }
        if (!unreadable.isEmpty()) {
            throw new PublishException(unreadable.size() + " file" + (unreadable.size() == 1 ? "" : "s")
                    + " could not be read; nothing was uploaded:\n  " + String.join("\n  ", unreadable));
        }
        try {
            release = new ArrayList<>(validator.requireValid(release));
        } catch (DistributionException e) {
            throw new PublishException(PublishException.Stage.CHECK, e.getMessage(), e);
        }
        release.sort(Comparator.comparing((Distribution d) -> d.kind() == DistributionKind.SDIST)
                .thenComparing(Distribution::filename));
        return release;
    }

    /** One file read, or why it could not be. */
    private record Read(Distribution distribution, String problem) {
    }

    private Read read(Path file) {
        try {
            return new Read(reader.read(file), null);
        } catch (DistributionException e) {
            return new Read(null, e.getMessage());
        }
    }
}
