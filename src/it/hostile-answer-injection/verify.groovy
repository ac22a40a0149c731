import io.github.pypimaven.testing.*
ItServers.verify { ->
    def secret = 'it-private-index-secret-51f0'
    assert context.get('index').requests() == 1
    // (-X prints Maven's own stack trace of the failure, so no stack-trace check here)
    def log = BuildLog.of(basedir).hasNoSecret(secret).contains('HTTP 400 "File already exists. ')
        .contains('you sent <redacted> as Basic <redacted>')
    assert log.hasLineStartingWith('::add-mask::' + secret) : 'a configured token is masked too'
    def lines = log.text().lines().map { it.strip() }.toList()
    assert !lines.any { it.startsWith('::warning::pwned') || it.startsWith('##[error]fake') || it.startsWith('## Injected') }
    assert lines.count { it.startsWith('::error ') } == 1
    def summary = new File(fixtures.toString(), 'hostile-answer-injection.summary.md').text.lines().toList()
    assert summary[0].startsWith('## Publishing to 127.0.0.1:') && summary[0].endsWith(' failed')
    def fence = summary[2]
    assert fence ==~ /`{3,}/ && summary.last() == fence && summary.count { it == fence } == 2
    assert !summary.any { it.startsWith('## Injected') || it.startsWith('::') }
}
