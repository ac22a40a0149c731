import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0 : 'an offline build sent a request to the fake index'
    BuildLog.of(basedir).contains('while Maven is offline (-o)')
        .contains('Dry run: Maven is offline (-o), so the release was not compared with http://127.0.0.1:')
        .contains('Dry run: every file passed the checks; nothing was sent')
}
