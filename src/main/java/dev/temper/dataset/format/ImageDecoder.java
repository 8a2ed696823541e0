package dev.temper.dataset.format;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one PNG or JPEG with javax.imageio. The size is read from the image header and checked before
 * the pixels are decoded, so an image that claims to be huge costs nothing. Decoding happens in memory
 * (no ImageIO cache files in the temp folder).
 */
final class ImageDecoder {

    private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg");

    private ImageDecoder() {
    }

    /** The size every image must have, and the sentence that says where it comes from. */
    record ExpectedSize(int width, int height, String source) {
    }

    static BufferedImage decode(byte[] content, String entryName, ExpectedSize expected)
            throws InvalidUploadException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidUploadException("ZIP entry '" + entryName
                        + "' is not a PNG or JPEG image: its content is not in an image format.");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new InvalidUploadException("ZIP entry '" + entryName + "' is a "
                            + format.toUpperCase(Locale.ROOT) + " image; only PNG and JPEG images are supported.");
                }
                reader.setInput(in, true, true);
                checkSize(reader.getWidth(0), reader.getHeight(0), entryName, expected);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // image decoders meet untrusted bytes here and signal bad ones with all sorts of runtime exceptions
            throw new InvalidUploadException("ZIP entry '" + entryName + "' is not a readable PNG or JPEG image ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").");
        }
    }

    private static void checkSize(int width, int height, String entryName, ExpectedSize expected)
            throws InvalidUploadException {
        if (expected != null && (width != expected.width() || height != expected.height())) {
            throw new InvalidUploadException("ZIP entry '" + entryName + "' is " + width + " pixels wide and " + height
                    + " high; every image must be " + expected.width() + " wide and " + expected.height() + " high "
                    + expected.source() + ".");
        }
        if ((long) width * height > ImageLimits.MAX_PIXELS) {
            throw new InvalidUploadException("ZIP entry '" + entryName + "' is " + width + " pixels wide and " + height
                    + " high; at most " + ImageLimits.MAX_PIXELS + " pixels per image are supported.");
        }
    }
}
