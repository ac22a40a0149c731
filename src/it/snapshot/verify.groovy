import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains('Skipping PyPI publishing of the SNAPSHOT version 1.0.0-SNAPSHOT (set pypi.publishSnapshots to publish it)')
}
