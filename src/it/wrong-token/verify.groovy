import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.status == [403]
    assert pypi.files().isEmpty()
    BuildLog.of(basedir).contains('refused the credentials').contains('Invalid or non-existent authentication information')
        .contains('Nothing was uploaded').hasNoSecret('pypi-it-revoked-secret-0b7e')
}
