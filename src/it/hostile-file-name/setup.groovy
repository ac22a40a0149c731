import io.github.pypimaven.testing.*
import java.nio.file.Files
def dist = new File(basedir, 'dist').toPath()
ItDistributions.write(dist)
new File(fixtures.toString(), 'hostile-file-name.summary.md').delete()
// Valid distributions under hostile names: a line break, workflow commands, Markdown and backticks.
def wheel = Files.readAllBytes(dist.resolve(ItDistributions.WHEEL))
Files.write(dist.resolve('it_pkg-1.0.0-py3-none-any\n::warning::pwned by a file name\n## Injected heading\n.whl'), wheel)
def sdist = Files.readAllBytes(dist.resolve(ItDistributions.SDIST))
Files.write(dist.resolve('it_pkg\n::error::forged error\n```\n[click me](evil.example)-1.0.0.tar.gz'), sdist)
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
