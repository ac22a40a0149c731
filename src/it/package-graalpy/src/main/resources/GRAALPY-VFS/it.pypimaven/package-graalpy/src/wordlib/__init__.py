"""A GraalPy library's Python package, kept where GraalPy recommends for libraries."""


def words(text):
    return text.split()
