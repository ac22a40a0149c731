import io.github.pypimaven.testing.*
def dist = new File(basedir, "dist")
ItDistributions.write(dist)
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
it.trustedPublishing().defaultGithubPublisher()
context.put("it", it)
def sigstore = ItServers.sigstore(fulcioPort, rekorPort, new File(basedir, 'trusted_root.json'))
context.put("sigstore", sigstore)
// as another tool in the same workflow would have made them
TestAttestations.writePublishAttestations(dist, it.issuer(), sigstore)
context.put("premade", [sigstore.fulcio().certificatesIssued(), sigstore.rekor().entriesAdded(), it.issuer().githubTokenRequests()])
new File(fixtures.toString(), 'attest-premade.summary.md').delete()
true
