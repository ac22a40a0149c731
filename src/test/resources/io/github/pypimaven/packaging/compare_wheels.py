"""Compares two wheels of the same release as an installer sees them: the same files with the same bytes (the
.dist-info's own bookkeeping aside), the same entry points, and the same core metadata fields, whatever the
Metadata-Version and however each tool spells a requirement. Prints one line per difference; exits 1 if any."""
import configparser
import email.parser
import itertools
import sys
import zipfile

from packaging.requirements import Requirement

BOOKKEEPING = {"RECORD", "WHEEL", "METADATA", "entry_points.txt"}
# Markers are compared by what they select: every combination of these values, with each extra.
ENVIRONMENTS = [dict(python_version=v, python_full_version=v + ".0", sys_platform=p, os_name=o,
                     platform_system=s, implementation_name=i, platform_python_implementation=pi)
                for v in ("2.7", "3.8", "3.11", "3.13")
                for p, o, s in (("linux", "posix", "Linux"), ("win32", "nt", "Windows"))
                for i, pi in (("cpython", "CPython"), ("graalpy", "GraalVM"))]


def entries(path):
    with zipfile.ZipFile(path) as z:
        files, info = {}, {}
        for name in z.namelist():
            top, _, rest = name.partition("/")
            if top.endswith(".dist-info"):
                info[rest] = z.read(name)
            else:
                files[name] = z.read(name)
        return files, info


def entry_points(info):
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str
    parser.read_string(info.get("entry_points.txt", b"").decode())
    return {s: {k: v.replace(" ", "") for k, v in parser[s].items()} for s in parser.sections()}


def requirement(text, extras):
    r = Requirement(text)
    selected = tuple(
        r.marker is None or r.marker.evaluate(dict(env, extra=extra))
        for env, extra in itertools.product(ENVIRONMENTS, [""] + sorted(extras)))
    return (r.name.lower(), tuple(sorted(r.extras)), str(r.specifier), r.url, selected)


def metadata(info):
    message = email.parser.Parser().parsestr(info["METADATA"].decode("utf-8"))
    fields = {}
    for key in set(message.keys()) - {"Metadata-Version"}:
        fields[key] = sorted(v.strip() for v in message.get_all(key))
    extras = fields.get("Provides-Extra", [])
    if "Requires-Dist" in fields:
        fields["Requires-Dist"] = sorted(requirement(r, extras) for r in fields["Requires-Dist"])
    for key in ("Author", "Author-email", "Maintainer", "Maintainer-email"):
        if key in fields:  # one field of comma-separated people, in either tool's order
            fields[key] = sorted(p.strip() for v in fields[key] for p in v.split(","))
    fields["(description)"] = message.get_payload().strip()
    return fields


def main(ours, theirs):
    differences = []
    (our_files, our_info), (their_files, their_info) = entries(ours), entries(theirs)
    if our_files != their_files:
        differences.append("files differ: %s vs %s" % (sorted(our_files), sorted(their_files)))
    for name in sorted(set(our_info) | set(their_info)):
        if name not in BOOKKEEPING and our_info.get(name) != their_info.get(name):
            differences.append(".dist-info/%s differs or is missing" % name)
    if entry_points(our_info) != entry_points(their_info):
        differences.append("entry points: %s vs %s" % (entry_points(our_info), entry_points(their_info)))
    ours_md, theirs_md = metadata(our_info), metadata(their_info)
    for key in sorted(set(ours_md) | set(theirs_md)):
        if ours_md.get(key) != theirs_md.get(key):
            differences.append("%s: %r vs %r" % (key, ours_md.get(key), theirs_md.get(key)))
    for line in differences:
        print(line)
    if not differences:
        print("equivalent: %d files, %d metadata fields" % (len(our_files), len(ours_md)))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
