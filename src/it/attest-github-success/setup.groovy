import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
it.trustedPublishing().defaultGithubPublisher()
context.put("it", it)
context.put("sigstore", ItServers.sigstore(fulcioPort, rekorPort, new File(basedir, 'trusted_root.json')))
new File(fixtures.toString(), 'attest-github-success.summary.md').delete()
true
