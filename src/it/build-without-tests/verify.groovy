import io.github.pypimaven.testing.*
def log = BuildLog.of(basedir)
// both builds ran to the end (this script runs after a failed build too)
def successes = log.text().count('BUILD SUCCESS')
assert successes == 2
// the second compiled the test classes but ran no test and set up no IT
assert new File(basedir, 'target/test-classes/io/github/pypimaven/testing/ItFixtures.class').isFile()
log.contains('Tests are skipped.')
assert !new File(basedir, 'target/it-fixtures').exists()
assert !new File(basedir, 'target/it-repo').exists()
// and installed the plugin
def installed = new File(basedir, 'local-repo/io/github/pypimaven/pypi-maven-plugin').listFiles()
assert installed?.any { version -> version.listFiles().any { it.name.endsWith('.jar') } }
true
