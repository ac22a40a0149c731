import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
context.put("it", it)
it.trustedPublishing().defaultGithubPublisher().audience('sts.amazonaws.com')
true
