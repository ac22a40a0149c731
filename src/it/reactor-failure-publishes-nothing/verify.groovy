import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0 : 'module-a was ready, but must not be released alone'
    BuildLog.of(basedir).contains('Publishing deferred until the last module that publishes is built')
        .contains('module_b-1.0.0-missing.tar.gz')
}
