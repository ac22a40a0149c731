import io.github.pypimaven.testing.*
ItServers.verify { ->
    def pypi = context.get('pypi')
    assert pypi.uploadRequests()*.contentFilename == ['module_a-1.0.0-py3-none-any.whl', 'module_a-1.0.0.tar.gz',
                                                       'module_b-1.0.0-py3-none-any.whl', 'module_b-1.0.0.tar.gz']
    assert pypi.uploadRequests()*.status.every { it == 200 }
    // the aggregator (which publishes nothing of its own), module-a and module-b; module-c never runs the goal
    BuildLog.of(basedir)
        .contains('All 3 modules that publish are built; publishing their distributions now (publishAtEnd)')
        .doesNotContain('(publish-to-pypi) @ module-c')
}
