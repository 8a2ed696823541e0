package dev.temper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads one range of a file, so a part of a large upload is streamed from disk rather than copied. */
final class FileRangeInputStream extends InputStream {

    private final FileChannel channel;
    private long remaining;

    private FileRangeInputStream(FileChannel channel, long remaining) {
        this.channel = channel;
        this.remaining = remaining;
    }

    static FileRangeInputStream open(Path file, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new FileRangeInputStream(channel, length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int read = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, remaining)));
        if (read == -1) {
            throw new IOException("The file ended " + remaining + " bytes before the end of the range being uploaded");
        }
        remaining -= read;
        return read;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
