import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0
    BuildLog.of(basedir).contains("settings.xml server 'pypi-password' has the username 'alice', but TestPyPI accepts"
            + " only API tokens")
        .contains('<username>__token__</username>').hasNoSecret('alice-password-not-a-token').hasNoStackTrace()
}
