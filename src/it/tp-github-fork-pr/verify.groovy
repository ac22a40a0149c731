import io.github.pypimaven.testing.*
try {
    assert context.get('it').pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains('pull request from a fork').contains('mallory/octo-repo').hasNoStackTrace()
    true
} finally {
    ItServers.closeAll()
}
