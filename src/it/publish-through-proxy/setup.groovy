import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
it.trustedPublishing().defaultGithubPublisher()
context.put('it', it)
context.put('proxy', ItServers.proxy(proxyPort))
true
