import io.github.pypimaven.testing.*
import java.nio.file.Files
def pypi = context.get('pypi')
ItServers.verify { ->
    def uploads = pypi.uploadRequests()
    assert uploads*.contentFilename == [ItDistributions.WHEEL, ItDistributions.SDIST] : 'wheel first, then the sdist'
    assert uploads*.status == [200, 200]
    def wheel = uploads[0]
    assert wheel.value('filetype') == 'bdist_wheel' && wheel.value('pyversion') == 'py3'
    assert wheel.value('name') == 'it-pkg' && wheel.value('version') == '1.0.0' && wheel.value('metadata_version') == '2.2'
    assert wheel.value('summary') == 'A package published by an integration test'
    assert wheel.values('classifiers') == ['Programming Language :: Python :: 3']
    assert wheel.values('project_urls') == ['Source, https://example.com/it-pkg']
    assert wheel.value('requires_python') == '>=3.8'
    assert wheel.value('description_content_type') == 'text/markdown'
    assert wheel.value('sha256_digest') ==~ /[0-9a-f]{64}/
    assert !wheel.hasField('md5_digest')
    assert wheel.authUser() == '__token__'
    assert uploads[1].value('filetype') == 'sdist' && uploads[1].value('pyversion') == 'source'
    [ItDistributions.WHEEL, ItDistributions.SDIST].each { name ->
        def local = new File(basedir, "dist/$name").toPath()
        assert Arrays.equals(Files.readAllBytes(local), Files.readAllBytes(pypi.files()[name].path())) : "$name byte-identical"
    }
    BuildLog.of(basedir)
        .contains('with the token from settings.xml server \'pypi-plain\'')
        .contains('Uploaded it_pkg-1.0.0-py3-none-any.whl')
        .contains('Published it-pkg 1.0.0 to 127.0.0.1:')
        .hasNoSecret('pypi-it-plain-secret-51f0')
}
