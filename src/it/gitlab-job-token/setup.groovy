import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, 'dist'))
context.put('index', ItServers.privateIndex(pypiPort, 'GitLab', 'gitlab-ci-token', 'it-job-token-8b3a'))
true
