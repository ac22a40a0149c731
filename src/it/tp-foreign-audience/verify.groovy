import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.issuer().githubTokenRequests() == 0 : 'no identity token may be requested for a foreign audience'
    assert it.trustedPublishing().mintRequests() == 0
    assert it.pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains("Trusted Publishing: asking GitHub Actions for identity tokens with the audience 'pypi'")
        .contains("asks for identity tokens with the audience 'sts.amazonaws.com', but the audience for 127.0.0.1:")
        .contains("is 'pypi'. No identity token was requested").hasNoStackTrace()
}
