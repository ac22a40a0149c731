import io.github.pypimaven.testing.*
def readme = new File(projectRoot.toString(), 'README.md').text
def pom = new File(basedir, 'pom.xml')
def version = (pom.text =~ /<it.plugin.version>([^<]+)</)[0][1]
def plugin = ReadmeBlocks.after(readme, '<!-- quick-start-plugin -->')
// The README names the version a user can resolve (ReleaseVersionsTest keeps it in step); the IT uses the one being built.
assert plugin =~ /<version>[^<]+<\/version>/ : 'the README names the plugin version to use'
pom.text = pom.text.replace('<!-- README quick-start-plugin -->', plugin.replaceFirst(/<version>[^<]+<\/version>/, "<version>${version}</version>"))
def marker = (readme =~ /<!-- quick-start-python (\S+) -->/)[0]
def python = new File(basedir, marker[1])
python.parentFile.mkdirs()
python.text = ReadmeBlocks.after(readme, marker[0])
context.put('pypi', ItServers.pypi(pypiPort, 'pypi-it-plain-secret-51f0'))
true
