import io.github.pypimaven.testing.*
try {
    assert context.get('pypi').requestCount() == 0 : 'nothing may reach the index'
    BuildLog.of(basedir).contains('2 problems found; nothing was uploaded')
        .contains("Invalid distribution file it_pkg-1.0.0-py3-none-any.whl: 1 member would be unpacked outside the"
            + " install directory or cannot be named safely: '../evil.py' climbs out of the archive with '..'")
        .contains("Invalid distribution file it_pkg-1.0.0.tar.gz: 1 member would be unpacked outside the install"
            + " directory or cannot be named safely: 'it_pkg-1.0.0/passwd' links to the absolute path '/etc/passwd'")
        .contains('[archive-member]')
        .hasNoStackTrace()
    true
} finally {
    ItServers.closeAll()
}
