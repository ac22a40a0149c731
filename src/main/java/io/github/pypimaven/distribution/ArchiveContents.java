package io.github.pypimaven.distribution;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reader saw inside a distribution archive that the validator needs, gathered while the archive was open so
 * that validation never reopens it.
 *
 * @param root                    the wheel's {@code .dist-info} directory as PyPI derives it from the file name, or the
 *                                sdist's single top-level directory
 * @param entryNames              every member name, in archive order
 * @param dataDescriptorEntries   ZIP members written with a data descriptor (general purpose flag bit 3)
 * @param unsupportedCompression  ZIP members compressed with something else than STORED or DEFLATED, with the method
 * @param sparseEntries           tar members stored as sparse files
 */
public record ArchiveContents(String root, List<String> entryNames, List<String> dataDescriptorEntries,
                              Map<String, Integer> unsupportedCompression, List<String> sparseEntries) {

    public ArchiveContents {
        entryNames = List.copyOf(entryNames);
        dataDescriptorEntries = List.copyOf(dataDescriptorEntries);
        unsupportedCompression = Map.copyOf(unsupportedCompression);
        sparseEntries = List.copyOf(sparseEntries);
    }

    /** Whether a member exists, ignoring a leading "./" as Python's tarfile does. */
    public boolean contains(String path) {
        return names().contains(strip(path));
    }

    private Set<String> names() {
        Set<String> names = new HashSet<>();
        for (String name : entryNames) {
            names.add(strip(name));
        }
        return names;
    }

    static String strip(String name) {
        String out = name;
        while (out.startsWith("./")) {
            out = out.substring(2);
        }
        return out;
    }
}
