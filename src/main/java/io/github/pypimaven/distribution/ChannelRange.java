package io.github.pypimaven.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.ZipException;

/**
 * Bytes {@code [position, position + remaining)} of the file, read at their position: the channel's own position
 * is not used, and closing this does not close the channel.
 */
final class ChannelRange extends InputStream {

    private final FileChannel channel;
    private long position;
    private long remaining;

    ChannelRange(FileChannel channel, long position, long remaining) {
        this.channel = channel;
        this.position = position;
        this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
        if (n < 0) {
            throw new ZipException("the archive ends early");
        }
        position += n;
        remaining -= n;
        return n;
    }
}
