import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.uploadRequests().size() == 2 : 'the second run uploads nothing'
    BuildLog.of(basedir).contains(ItDistributions.WHEEL + ' is already on the index, identical: not uploaded again')
        .contains(ItDistributions.SDIST + ' is already on the index, identical: not uploaded again')
        .contains('(already there, unchanged)')
}
