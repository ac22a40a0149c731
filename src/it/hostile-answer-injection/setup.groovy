import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
new File(fixtures.toString(), 'hostile-answer-injection.summary.md').delete()
// PyPI's JSON error form, whose "code" is shown: here with line breaks, workflow commands, Markdown and an echo of
// the credentials the index received.
def index = ItServers.hostile(pypiPort).answer(400, 'application/json',
        '{"code": "400 File already exists.\\n::warning::pwned by the index\\n##[error]fake error\\n````\\n'
        + '## Injected heading\\n[click me](https://evil.example)\\nyou sent {credentials} as {authorization}"}')
context.put('index', index)
true
