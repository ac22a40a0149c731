import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'module-a/dist'), 'module-a')
ItDistributions.write(new File(basedir, 'module-b/dist'), 'module-b')
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
context.put('it', it)
it.trustedPublishing().defaultGitlabPublisher()
true
