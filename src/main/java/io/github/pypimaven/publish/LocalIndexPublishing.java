package io.github.pypimaven.publish;

import io.github.pypimaven.distribution.Distribution;
import io.github.pypimaven.distribution.DistributionKind;
import io.github.pypimaven.distribution.MetadataField;
import io.github.pypimaven.index.IndexedFile;
import io.github.pypimaven.index.LocalIndex;
import io.github.pypimaven.index.LocalIndexEntry;
import io.github.pypimaven.index.LocalIndexException;
import io.github.pypimaven.repository.LocalIndexDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

/** Publishes a checked release into a local index directory, which pip can install from; no credentials involved. */
@Named
@Singleton
public class LocalIndexPublishing {

    private final LocalIndex localIndex;

    @Inject
    public LocalIndexPublishing(LocalIndex localIndex) {
        this.localIndex = localIndex;
    }

    PublishedRelease publish(List<Distribution> release, LocalIndexDirectory target) throws PublishException {
        List<PublishedFile> published = new ArrayList<>();
        for (Distribution d : release) {
            LocalIndexEntry entry = new LocalIndexEntry(d.path(), d.filename(), d.name(), d.version(), d.sha256(),
                    d.kind() == DistributionKind.WHEEL ? d.metadata().bytes() : null,
                    d.metadata().get(MetadataField.REQUIRES_PYTHON).orElse(null));
            try {
                IndexedFile indexed = localIndex.publish(target.directory(), entry);
                published.add(new PublishedFile(d.filename(), d.size(), d.sha256(), indexed.alreadyPresent()));
            } catch (LocalIndexException e) {
                throw new PublishException(PublishException.Stage.LOCAL_INDEX,
                        e.getMessage() + "\n" + PublishedRelease.stateAfterFailure(published, release, d, true), e);
            }
        }
        return new PublishedRelease(published, Optional.of("Install it with: "
                + localIndex.pipInstallCommand(target.directory(), release.get(0).name())));
    }
}
