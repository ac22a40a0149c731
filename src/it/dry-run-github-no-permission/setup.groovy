import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
context.put('it', ItServers.trusted(pypiPort, oidcPort, fixtures, githubRequestToken))
true
