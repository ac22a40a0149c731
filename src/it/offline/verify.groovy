import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0 : 'an offline build sent a request to the fake index'
    BuildLog.of(basedir).contains('while Maven is offline (-o)')
        .contains('Maven is offline (-o), so the release was not compared with http://127.0.0.1:')
        .contains('Dry run: would publish it-pkg 1.0.0 to http://127.0.0.1:')
        .contains('Dry run: publishing would fail (1 problem); nothing was sent.')
        .contains('Maven is offline (-o), and http://127.0.0.1:')
        .hasNoStackTrace()
}
