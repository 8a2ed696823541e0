package dev.temper.dataset.format;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One file of an IDX pair (the MNIST format), plain or gzip (told apart by the gzip magic bytes): a
 * magic number {@code 00 00 type dims}, one big-endian int per dimension, then the items. Reads item by
 * item and names the file, the item and the cause when the bytes do not match what the header announces.
 */
final class IdxFile implements Closeable {

    /** The IDX type byte for unsigned bytes, the only element type a dataset can hold losslessly. */
    private static final int UNSIGNED_BYTE = 0x08;
    private static final Map<Integer, String> OTHER_TYPES = Map.of(0x09, "signed bytes", 0x0B, "16-bit integers",
            0x0C, "32-bit integers", 0x0D, "32-bit floats", 0x0E, "64-bit floats");
    private static final int TRAILING_BYTES_REPORTED = 1 << 16;

    /** Which file of the pair this is, and what its header must say. */
    enum Role {
        IMAGES("images file", "images", 3),
        LABELS("labels file", "labels", 1);

        private final String fileName;
        private final String itemsName;
        private final int dimensions;

        Role(String fileName, String itemsName, int dimensions) {
            this.fileName = fileName;
            this.itemsName = itemsName;
            this.dimensions = dimensions;
        }

        int magic() {
            return UNSIGNED_BYTE << 8 | dimensions;
        }
    }

    private final InputStream in;
    private final Role role;
    private final boolean gzip;
    private final int[] dimensions;
    private int itemsRead;

    private IdxFile(InputStream in, Role role, boolean gzip) throws IOException, InvalidUploadException {
        this.in = in;
        this.role = role;
        this.gzip = gzip;
        this.dimensions = readHeader();
    }

    static IdxFile open(Path file, Role role) throws IOException, InvalidUploadException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                in = new BufferedInputStream(gunzip(in, role), 1 << 16);
            }
            return new IdxFile(in, role, gzip);
        } catch (IOException | InvalidUploadException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Whether the file starts like an IDX labels file (plain or gzip). Browsers and scripts send the two
     * files in either order; anything unreadable answers false and is reported when it is opened properly.
     */
    static boolean looksLikeLabels(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 10)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 10) : raw;
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && ((magic[2] & 0xff) << 8 | (magic[3] & 0xff)) == Role.LABELS.magic()
                    && magic[0] == 0 && magic[1] == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream gunzip(InputStream raw, Role role) throws IOException, InvalidUploadException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (EOFException e) {
            throw new InvalidUploadException("The gzip stream of the " + role.fileName + " ends early, inside its"
                    + " gzip header; the upload may have been cut off.");
        } catch (ZipException e) {
            throw new InvalidUploadException("The " + role.fileName + " starts like a gzip file but its gzip"
                    + " header is damaged (" + e.getMessage() + ").");
        }
    }

    /** The sizes the header announces: {@code [count]} or {@code [count, rows, columns]}. */
    int[] dimensions() {
        return dimensions.clone();
    }

    int count() {
        return dimensions[0];
    }

    private int[] readHeader() throws IOException, InvalidUploadException {
        byte[] magicBytes = new byte[4];
        int got = read(magicBytes, "inside its header");
        if (got < magicBytes.length) {
            throw new InvalidUploadException("The " + role.fileName + " is too short to be an IDX file: it has "
                    + got + " bytes.");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        checkMagic(magic, magicBytes);
        byte[] sizes = new byte[4 * role.dimensions];
        if (read(sizes, "inside its header") < sizes.length) {
            throw new InvalidUploadException("The " + role.fileName + " ends inside its header, before the sizes"
                    + " of its " + role.dimensions + " dimensions.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(sizes);
        int[] result = new int[role.dimensions];
        for (int i = 0; i < result.length; i++) {
            result[i] = buffer.getInt();
            if (result[i] < 0) {
                throw new InvalidUploadException("The " + role.fileName + " announces a size of "
                        + Integer.toUnsignedString(result[i]) + " in its header, which is too large to be real.");
            }
        }
        return result;
    }

    private void checkMagic(int magic, byte[] bytes) throws InvalidUploadException {
        if (magic == role.magic()) {
            return;
        }
        String found = String.format("0x%08X", magic);
        String expected = String.format("0x%08X", role.magic());
        Role other = role == Role.IMAGES ? Role.LABELS : Role.IMAGES;
        if (magic == other.magic()) {
            throw new InvalidUploadException("The " + role.fileName + " has the magic number " + found + " of an IDX "
                    + other.fileName + ", expected " + expected + "; were the two files swapped?");
        }
        String type = OTHER_TYPES.get(bytes[2] & 0xff);
        if (bytes[0] == 0 && bytes[1] == 0 && type != null) {
            throw new InvalidUploadException("The " + role.fileName + " holds " + type + " (magic number " + found
                    + "); only unsigned bytes are supported, expected " + expected + ".");
        }
        if (bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xff) == UNSIGNED_BYTE) {
            throw new InvalidUploadException("The " + role.fileName + " has " + bytes[3] + " dimensions (magic number "
                    + found + "); expected " + role.dimensions + ", magic number " + expected + ".");
        }
        throw new InvalidUploadException("The " + role.fileName + " starts with " + found
                + ", which is not an IDX magic number; expected " + expected + " (unsigned bytes, " + role.dimensions
                + (role.dimensions == 1 ? " dimension)." : " dimensions)."));
    }

    /** Reads the next item whole, or says how many items the file really holds. */
    void readItem(byte[] item) throws IOException, InvalidUploadException {
        if (read(item, "after " + itemsRead + " of the " + count() + " " + role.itemsName + " its header announces")
                < item.length) {
            throw new InvalidUploadException("The " + role.fileName + " is truncated: its header announces "
                    + count() + " " + role.itemsName + " but it holds only " + itemsRead + ".");
        }
        itemsRead++;
    }

    /** Refuses bytes after the announced items (a damaged or mismatched file); also checks the gzip trailer. */
    void expectEnd() throws IOException, InvalidUploadException {
        byte[] rest = new byte[TRAILING_BYTES_REPORTED + 1];
        int extra = read(rest, "after all " + count() + " " + role.itemsName);
        if (extra > 0) {
            throw new InvalidUploadException("The " + role.fileName + " has "
                    + (extra > TRAILING_BYTES_REPORTED ? "more than " + TRAILING_BYTES_REPORTED : extra)
                    + " bytes after the " + count() + " " + role.itemsName + " its header announces.");
        }
    }

    /** Fills as much of the target as the file holds; gzip failures become the uploader's error. */
    private int read(byte[] target, String where) throws IOException, InvalidUploadException {
        try {
            return in.readNBytes(target, 0, target.length);
        } catch (EOFException e) {
            if (!gzip) {
                throw e;
            }
            throw new InvalidUploadException("The gzip stream of the " + role.fileName + " ends early, " + where
                    + "; the upload may have been cut off.");
        } catch (ZipException e) {
            if (!gzip) {
                throw e;
            }
            throw new InvalidUploadException("The gzip stream of the " + role.fileName + " is damaged " + where
                    + " (" + e.getMessage() + ").");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
