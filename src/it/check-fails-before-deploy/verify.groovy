import io.github.pypimaven.testing.*
ItServers.verify { ->
    assert context.get('pypi').requestCount() == 0 : 'the check may not reach the index for a release that cannot be published'
    assert !new File(basedir, 'target/maven-repository').exists() : 'the Maven repository got artifacts before the check failed'
    BuildLog.of(basedir)
        .contains('Check: would publish 2 files to http://127.0.0.1:')
        .contains('  It.Pkg-1.0.0.tar.gz  ').contains('  ' + ItDistributions.WHEEL + '  ')
        .contains('Check: publishing would fail (2 problems); nothing was sent.')
        .contains('it_pkg-1.0.0.tar.gz')
        .contains('2. [127.0.0.1:').contains('No credentials for 127.0.0.1:')
        .contains('check-before-deploy')
        .doesNotContain('maven-deploy-plugin').doesNotContain('maven-install-plugin')
        .hasNoStackTrace()
}
