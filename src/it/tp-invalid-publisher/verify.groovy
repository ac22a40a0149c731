import io.github.pypimaven.testing.*
ItServers.verify { ->
    def it = context.get('it')
    assert it.pypi().uploadRequests().isEmpty()
    BuildLog.of(basedir).contains('`invalid-publisher`: valid token, but no corresponding publisher')
        .contains('What to do:').contains('repository_owner_id').contains('job_workflow_ref')
        .contains('octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0')
        .contains('Owner').contains('Repository name').contains('Workflow name').contains('release.yml')
        .contains('Nothing was uploaded').hasNoStackTrace()
        .hasNoSecrets(it.issuer().issuedTokens())
}
