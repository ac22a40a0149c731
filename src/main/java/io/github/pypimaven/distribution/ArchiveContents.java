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
 * @param links                   tar members that are links, with their targets (in archive order)
 */
public record ArchiveContents(String root, List<String> entryNames, List<String> dataDescriptorEntries,
                              Map<String, Integer> unsupportedCompression, List<String> sparseEntries,
                              List<Link> links) {

    /**
     * A link member of a tar.
     *
     * @param member   the link's member name
     * @param target   the name it points to
     * @param symbolic a symbolic link (resolved against the link's directory) rather than a hard link (resolved
     *                 against the archive root)
     */
    public record Link(String member, String target, boolean symbolic) {
    }

    public ArchiveContents {
        entryNames = List.copyOf(entryNames);
        dataDescriptorEntries = List.copyOf(dataDescriptorEntries);
        unsupportedCompression = Map.copyOf(unsupportedCompression);
        sparseEntries = List.copyOf(sparseEntries);
        links = List.copyOf(links);
    }

    /** Contents without links (a wheel's, or a tar's that has none). */
    public ArchiveContents(String root, List<String> entryNames, List<String> dataDescriptorEntries,
                           Map<String, Integer> unsupportedCompression, List<String> sparseEntries) {
        this(root, entryNames, dataDescriptorEntries, unsupportedCompression, sparseEntries, List.of());
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
