import io.github.pypimaven.testing.*
def log = BuildLog.of(basedir)
['pypi:publish', 'pypi:package', 'pypi:check', 'pypi.check.skip', 'repositoryUrl', 'serverId', 'tokenEnvName', 'distributions', 'publishSnapshots',
 'md5Digest', 'trustedPublishing', 'uploadAttempts', 'dryRun', 'publishAtEnd', 'checkUrl', 'User property: pypi.repositoryUrl'].each { log.contains(it) }
true
