import io.github.pypimaven.testing.*
ItServers.verify { ->
    def index = context.get('index')
    assert index.uploads().isEmpty() : 'the check sends no file'
    assert index.requests()*.status == [401]
    BuildLog.of(basedir)
        .contains("answered HTTP 401 when read with the password of user 'it-deployer' from settings.xml server"
            + " 'private-wrong'")
        .contains("check the user name and password (settings.xml server 'private-wrong'")
        .hasNoPassword('it-deployer', 'it-wrong-password-77e1')
        .hasNoStackTrace()
}
