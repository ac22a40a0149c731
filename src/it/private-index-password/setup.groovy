import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
context.put('index', ItServers.privateIndex(pypiPort, 'Nexus', 'it-deployer', 'it-private-password-2c9d'))
true
