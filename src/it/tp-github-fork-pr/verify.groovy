import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('it').pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains('pull request from a fork').contains('mallory/octo-repo').hasNoStackTrace()
}
