"""Greets people. On Jython the greeting comes from the Java class com.example.greeter.Greeter in this
project's jar; on CPython the same behaviour is provided in Python."""
from __future__ import print_function

__version__ = "1.0.0"

try:
    from com.example.greeter import Greeter as _JavaGreeter  # Jython, with the jar on the class path
except ImportError:
    _JavaGreeter = None


def greet(name, greeting="Hello"):
    if _JavaGreeter is not None:
        return _JavaGreeter(greeting).greet(name)
    return "%s, %s!" % (greeting, name)


def implementation():
    return "java" if _JavaGreeter is not None else "python"
