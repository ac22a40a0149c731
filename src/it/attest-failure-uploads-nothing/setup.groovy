import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
it.trustedPublishing().defaultGithubPublisher()
context.put("it", it)
def sigstore = ItServers.sigstore(fulcioPort, rekorPort, new File(basedir, 'trusted_root.json'))
sigstore.rekor().failNext(100, 503)
context.put("sigstore", sigstore)
true
