"""Counts words. The Java side (com.example.wordcount.WordCount) runs this module inside GraalPy."""
import sys
from collections import Counter

__version__ = "2.1.0"


def count(text):
    """The number of times each word occurs, most frequent first."""
    return Counter(text.lower().split()).most_common()


def main(argv=None):
    text = " ".join(argv if argv is not None else sys.argv[1:]) or sys.stdin.read()
    for word, n in count(text):
        print(n, word)
    return 0
