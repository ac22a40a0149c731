import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
context.put('index', ItServers.privateIndex(pypiPort, 'Artifactory', 'it-deployer', 'it-private-password-2c9d'))
true
