import io.github.pypimaven.testing.*
ItDistributions.write(new File(basedir, "dist"))
new File(fixtures.toString(), 'hostile-answer-injection.summary.md').delete()
def index = ItServers.hostile(pypiPort).answer(400, 'text/plain; charset=utf-8',
        '400 File already exists.\n::warning::pwned by the index\n##[error]fake error\n````\n## Injected heading\n'
        + '[click me](https://evil.example)\nyou sent {credentials} as {authorization}\n')
context.put('index', index)
true
