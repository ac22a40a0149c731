import io.github.pypimaven.testing.*
def pypi = context.get('pypi')
ItServers.verify { ->
    def uploads = pypi.uploadRequests().sort(false) { it.started() }
    assert uploads.size() == 7 && uploads.every { it.status() == 200 } : uploads
    def first = uploads[0]
    def sdist = uploads[-1]
    def wheels = uploads[1..-2]
    assert sdist.contentFilename() == 'it_pkg-1.0.0.tar.gz' : 'the sdist goes last'
    wheels.each { w ->
        assert !first.overlaps(w) : "the first file creates the release alone: $w"
        assert !sdist.overlaps(w) : "the sdist starts after every wheel was answered: $w"
    }
    // the most uploads in progress at one time: counted at each upload's start
    def mostAtOnce = wheels.collect { w -> wheels.count { !it.started().isAfter(w.started()) && it.answered().isAfter(w.started()) } }.max()
    assert mostAtOnce >= 2 && mostAtOnce <= 4 : "up to 4 wheels at once, and more than one: $mostAtOnce"
    def log = BuildLog.of(basedir).contains('(7 files)').contains('up to 4 at a time').hasNoStackTrace()
    uploads.each { u ->
        assert log.text().count("Uploaded ${u.contentFilename()} (") == 1 : "one line for ${u.contentFilename()}"
    }
}
