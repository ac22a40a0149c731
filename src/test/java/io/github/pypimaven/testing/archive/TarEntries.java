package io.github.pypimaven.testing.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the members of a tar (or .tar.gz) with Commons Compress, which applies pax and GNU long-name headers, and
 * also reports the raw header facts that it hides: the entry's own magic and type flag, and whether a pax header
 * preceded it. Usable from IT scripts.
 */
public final class TarEntries {

    /** One member: the effective name (pax path if any), raw header type, and the header's fields. */
    public record Entry(String name, char type, int mode, long uid, long gid, String userName, String groupName,
            long mtime, String magic, boolean hadPaxHeader, byte[] content) {

        public boolean isDirectory() {
            return type == '5';
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private TarEntries() {
    }

    public static List<Entry> readTarGz(byte[] tarGz) throws IOException {
        return read(new GZIPInputStream(new ByteArrayInputStream(tarGz)));
    }

    public static List<Entry> read(byte[] tar) throws IOException {
        return read(new ByteArrayInputStream(tar));
    }

    private static List<Entry> read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (HeaderRecordingStream tar = new HeaderRecordingStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                // Pax ('x') and GNU long-name ('L') headers come before the entry's own header.
                byte[] own = tar.headers.stream().filter(h -> "xgLK".indexOf(h[156]) < 0).findFirst().orElseThrow();
                boolean hadPax = tar.headers.stream().anyMatch(h -> h[156] == 'x');
                tar.headers.clear();
                entries.add(new Entry(e.getName(), (char) own[156], e.getMode(), e.getLongUserId(), e.getLongGroupId(),
                        e.getUserName(), e.getGroupName(), e.getLastModifiedTime().toInstant().getEpochSecond(),
                        new String(own, 257, 8, StandardCharsets.ISO_8859_1), hadPax, tar.readAllBytes()));
            }
        }
        return entries;
    }

    /** Keeps the raw 512-byte header records read for the next entry, including pax and GNU long-name headers. */
    private static final class HeaderRecordingStream extends TarArchiveInputStream {
        final List<byte[]> headers = new ArrayList<>();

        HeaderRecordingStream(InputStream in) {
            super(in, StandardCharsets.UTF_8.name());
        }

        @Override
        protected byte[] readRecord() throws IOException {
            byte[] record = super.readRecord();
            if (record != null && !isEOFRecord(record)) {
                headers.add(record.clone());
            }
            return record;
        }
    }
}
