import io.github.pypimaven.testing.*
try {
    assert context.get('pypi').requestCount() == 0 : 'nothing may reach the index'
    def log = BuildLog.of(basedir).contains('2 files could not be read; nothing was uploaded')
        .contains("Invalid wheel filename 'it_pkg-1.0.0-py3-none-any ::warning::pwned by a file name ## Injected heading .whl'")
        .contains("Invalid source distribution filename 'it_pkg ::error::forged error ``` [click me](evil.example)-1.0.0.tar.gz'")
        .hasNoStackTrace()
    def lines = log.text().lines().map { it.strip() }.toList()
    assert !lines.any { it.startsWith('::warning::pwned') || it.startsWith('::error::forged') || it.startsWith('## Injected')
        || it.startsWith('[click me]') || it.startsWith('.whl') }
    assert lines.count { it.startsWith('::error ') } == 1 : 'one annotation, the failure'
    def summary = new File(fixtures.toString(), 'hostile-file-name.summary.md').text.lines().toList()
    assert summary[0].startsWith('## Publishing to 127.0.0.1:') && summary[0].endsWith(' failed')
    def fence = summary[2]
    assert fence ==~ /`{3,}/ && summary.last() == fence && summary.count { it == fence } == 2
    assert !summary.any { it.startsWith('## Injected') || it.startsWith('::') || it.startsWith('[click me]') }
    true
} finally {
    ItServers.closeAll()
}
