import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
def it = ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken)
context.put("it", it)
// Upload tokens live 5 minutes and 3 seconds, and the index takes 4 seconds per file: after the first file, fewer
// than 5 minutes of the first token are left, so a new one must be minted before the second file.
it.trustedPublishing().defaultGithubPublisher().lifetime(java.time.Duration.ofSeconds(303))
it.pypi().processingDelay(java.time.Duration.ofSeconds(4))
true
