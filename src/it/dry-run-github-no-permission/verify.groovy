import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().requestCount() == 1 : 'only the comparison with the simple API'
    assert it.issuer().githubTokenRequests() == 0
    BuildLog.of(basedir).contains('Dry run: would publish it-pkg 1.0.0 to http://127.0.0.1:')
        .contains('  it_pkg-1.0.0-py3-none-any.whl  ').contains('  it_pkg-1.0.0.tar.gz  ')
        .contains('Dry run: publishing would fail (1 problem); nothing was sent.')
        .contains('GitHub Actions gave this job no OIDC identity token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)')
        .contains('id-token: write')
        .hasNoStackTrace()
}
