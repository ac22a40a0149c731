import io.github.pypimaven.testing.*
assert !new File(basedir, 'target/dist').exists() || new File(basedir, 'target/dist').list().length == 0
BuildLog.of(basedir).contains("Parameter entryPoints: the script 'hello' points at 'hello.hi', a module without a function")
    .contains('hello.hi:main (module:function)').hasNoStackTrace()
true
