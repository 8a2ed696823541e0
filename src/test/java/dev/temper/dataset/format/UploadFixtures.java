package dev.temper.dataset.format;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Uploads for tests, valid and broken, generated in memory: a CSV of flower measurements, a small IDX pair
 * of digit-like images, and a ZIP of 8x8 PNGs in three classes whose patterns a person (or a model) can
 * tell apart. Each broken upload breaks exactly one rule.
 */
public final class UploadFixtures {

    /** Label column of {@link #validCsv()}. */
    public static final String CSV_LABEL = "species";
    /** Id column of {@link #validCsv()}. */
    public static final String CSV_ID = "plant_id";
    public static final List<String> CSV_FEATURES =
            List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    public static final List<String> CSV_CLASSES = List.of("setosa", "versicolor", "virginica");
    public static final int CSV_ROWS = 30;

    public static final int IDX_COUNT = 12;
    public static final int IDX_ROWS = 6;
    public static final int IDX_COLUMNS = 5;
    /** The label bytes used, in the order the class names sort (numerically: 10 after 2). */
    public static final List<String> IDX_CLASSES = List.of("1", "2", "10");

    public static final List<String> ZIP_CLASSES = List.of("circle", "cross", "stripes");
    public static final int ZIP_IMAGES_PER_CLASS = 4;
    public static final int ZIP_SIDE = 8;
    /** Every entry of {@link #imageZip()} sits under this folder, which the importer looks through. */
    public static final String ZIP_TOP_FOLDER = "shapes";

    private UploadFixtures() {
    }

    // ---------------------------------------------------------------- CSV

    /** Iris-like rows cycling through the three species, with an id column and one value per feature. */
    public static String validCsv() {
        StringBuilder csv = new StringBuilder(CSV_ID + "," + String.join(",", CSV_FEATURES) + "," + CSV_LABEL + "\n");
        for (int row = 0; row < CSV_ROWS; row++) {
            float[] values = csvValues(row);
            csv.append("p").append(row + 1);
            for (float value : values) {
                csv.append(',').append(value);
            }
            csv.append(',').append(csvClass(row)).append('\n');
        }
        return csv.toString();
    }

    /** The feature values of row {@code row} (0-based) of {@link #validCsv()}. */
    public static float[] csvValues(int row) {
        int species = row % 3;
        Random random = new Random(row);
        float[] base = {5.0f + species * 0.9f, 3.4f - species * 0.5f, 1.5f + species * 2.6f, 0.2f + species * 1.0f};
        float[] values = new float[base.length];
        for (int i = 0; i < base.length; i++) {
            values[i] = Math.round((base[i] + (float) random.nextGaussian() * 0.3f) * 10f) / 10f;
        }
        return values;
    }

    public static String csvClass(int row) {
        return CSV_CLASSES.get(row % 3);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A header and rows whose line {@code line} (1 = header) is replaced; for one broken row in a valid file. */
    public static String csvWithLine(int line, String replacement) {
        String[] lines = validCsv().split("\n");
        lines[line - 1] = replacement;
        return String.join("\n", lines) + "\n";
    }

    /** Line 3 holds "Größe" in ISO-8859-1: bytes that are not UTF-8. */
    public static byte[] csvNotUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = validCsv().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = i == 2 ? lines[i].replace("p2,", "Größe,") : lines[i];
            byte[] bytes = line.getBytes(i == 2 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            out.writeBytes(bytes);
            out.write('\n');
        }
        return out.toByteArray();
    }

    public static String csvHeaderOnly() {
        return validCsv().split("\n")[0] + "\n";
    }

    /** Line 7 has 4 cells, the header has 6. */
    public static String csvRagged() {
        return csvWithLine(7, "p6,5.1,3.5,1.4");
    }

    /** Line 12, column 'petal_width' holds 'abc'. */
    public static String csvNonNumeric() {
        return csvWithLine(12, "p11,5.0,3.4,1.5,abc,setosa");
    }

    /** Line 5, column 'sepal_width' holds 'Infinity'. */
    public static String csvInfinite() {
        return csvWithLine(5, "p4,5.0,Infinity,1.5,0.2,setosa");
    }

    /** Line 9 has no species. */
    public static String csvEmptyLabel() {
        return csvWithLine(9, "p8,5.0,3.4,1.5,0.2,");
    }

    /** Missing values spelled every accepted way, in feature cells of lines 2 to 6. */
    public static String csvWithMissingValues() {
        return "id,a,b,label\n"
                + "r1,,1.5,x\n"
                + "r2,NA,2.5,y\n"
                + "r3,nan,3.5,x\n"
                + "r4,NULL,?,y\n"
                + "r5,\"7.25\",-0.5e1,x\n";
    }

    /** The header names 'sepal_width' twice. */
    public static String csvDuplicateColumns() {
        return csvWithLine(1, "plant_id,sepal_length,sepal_width,petal_length,sepal_width,species");
    }

    // ---------------------------------------------------------------- IDX

    /** The IDX images file and labels file of one upload. */
    public record IdxPair(byte[] images, byte[] labels) {
    }

    /** {@link #IDX_COUNT} images of {@link #IDX_ROWS}x{@link #IDX_COLUMNS}, gzip or plain. */
    public static IdxPair idxPair(boolean gzip) {
        byte[][] images = new byte[IDX_COUNT][];
        byte[] labels = new byte[IDX_COUNT];
        for (int i = 0; i < IDX_COUNT; i++) {
            images[i] = idxPixels(i);
            labels[i] = idxLabel(i);
        }
        byte[] imageFile = idxImages(images, IDX_ROWS, IDX_COLUMNS);
        byte[] labelFile = idxLabels(labels);
        return gzip ? new IdxPair(gzip(imageFile), gzip(labelFile)) : new IdxPair(imageFile, labelFile);
    }

    /** The pixels of image {@code index}: a stroke whose slope depends on the image, on a varying background. */
    public static byte[] idxPixels(int index) {
        byte[] pixels = new byte[IDX_ROWS * IDX_COLUMNS];
        for (int r = 0; r < IDX_ROWS; r++) {
            for (int c = 0; c < IDX_COLUMNS; c++) {
                boolean stroke = c == (r * (1 + index % 3)) % IDX_COLUMNS;
                pixels[r * IDX_COLUMNS + c] = (byte) (stroke ? 255 - index : (index * 31 + r * 7 + c) % 256);
            }
        }
        return pixels;
    }

    public static byte idxLabel(int index) {
        return (byte) Integer.parseInt(List.of("10", "1", "2").get(index % 3));
    }

    /** An IDX images file (magic 0x00000803). */
    public static byte[] idxImages(byte[][] images, int rows, int columns) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + images.length * rows * columns);
        buffer.putInt(0x00000803).putInt(images.length).putInt(rows).putInt(columns);
        for (byte[] image : images) {
            buffer.put(image);
        }
        return buffer.array();
    }

    /** An IDX labels file (magic 0x00000801). */
    public static byte[] idxLabels(byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(0x00000801).putInt(labels.length).put(labels).array();
    }

    /** The images file starts with 0x00000802 (two dimensions) instead of 0x00000803. */
    public static IdxPair idxWrongMagic() {
        IdxPair valid = idxPair(false);
        byte[] images = valid.images().clone();
        images[3] = 2;
        return new IdxPair(images, valid.labels());
    }

    /** The images file holds signed bytes (type 0x09). */
    public static IdxPair idxSignedBytes() {
        IdxPair valid = idxPair(false);
        byte[] images = valid.images().clone();
        images[2] = 0x09;
        return new IdxPair(images, valid.labels());
    }

    /** The gzip images file is cut off in the middle of its compressed data. */
    public static IdxPair idxTruncatedGzip() {
        IdxPair valid = idxPair(true);
        return new IdxPair(Arrays.copyOf(valid.images(), valid.images().length / 2), valid.labels());
    }

    /** The labels file announces and holds one label fewer than there are images. */
    public static IdxPair idxMismatchedCounts() {
        IdxPair valid = idxPair(false);
        byte[] labels = new byte[IDX_COUNT - 1];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = idxLabel(i);
        }
        return new IdxPair(valid.images(), idxLabels(labels));
    }

    /** The plain images file stops 10 bytes into its 8th image (7 whole images of 12). */
    public static IdxPair idxTruncatedPlain() {
        IdxPair valid = idxPair(false);
        return new IdxPair(Arrays.copyOf(valid.images(), 16 + 7 * IDX_ROWS * IDX_COLUMNS + 10), valid.labels());
    }

    /** The labels file has 3 bytes after the labels it announces. */
    public static IdxPair idxTrailingBytes() {
        IdxPair valid = idxPair(false);
        return new IdxPair(valid.images(), Arrays.copyOf(valid.labels(), valid.labels().length + 3));
    }

    /** Images file announcing 0 images, and an empty labels file. */
    public static IdxPair idxEmpty() {
        return new IdxPair(idxImages(new byte[0][], IDX_ROWS, IDX_COLUMNS), idxLabels(new byte[0]));
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- image ZIP

    /** Three classes of 8x8 RGB PNGs under {@code shapes/}: red rings, green crosses, blue stripes. */
    public static byte[] imageZip() {
        return zip(validImageEntries());
    }

    /** Entry name to content of {@link #imageZip()}, in archive order; add or replace entries to break it. */
    public static Map<String, byte[]> validImageEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String className : ZIP_CLASSES) {
            for (int i = 0; i < ZIP_IMAGES_PER_CLASS; i++) {
                entries.put(zipEntryName(className, i), png(patternImage(className, i)));
            }
        }
        return entries;
    }

    public static String zipEntryName(String className, int index) {
        return ZIP_TOP_FOLDER + "/" + className + "/" + String.format("%03d.png", index + 1);
    }

    /** Image {@code index} of a class: its pattern in its colour, shifted and shaded a little per image. */
    public static BufferedImage patternImage(String className, int index) {
        BufferedImage image = new BufferedImage(ZIP_SIDE, ZIP_SIDE, BufferedImage.TYPE_INT_RGB);
        int shade = 160 + index * 20;
        int background = 10 + index * 3;
        for (int y = 0; y < ZIP_SIDE; y++) {
            for (int x = 0; x < ZIP_SIDE; x++) {
                boolean on = switch (className) {
                    case "circle" -> {
                        double d = Math.hypot(x - 3.5, y - 3.5 - index % 2);
                        yield d > 2 && d < 3.6;
                    }
                    case "cross" -> x == y || x == ZIP_SIDE - 1 - y;
                    default -> (y + index) % 3 == 0;
                };
                int rgb = switch (className) {
                    case "circle" -> on ? shade << 16 | 40 << 8 | 40 : background << 16;
                    case "cross" -> on ? 40 << 16 | shade << 8 | 40 : background << 8;
                    default -> on ? 40 << 16 | 40 << 8 | shade : background;
                };
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** A gray 8x8 image: a vertical gradient with a bright column at {@code index}. */
    public static BufferedImage grayImage(int index) {
        BufferedImage image = new BufferedImage(ZIP_SIDE, ZIP_SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < ZIP_SIDE; y++) {
            for (int x = 0; x < ZIP_SIDE; x++) {
                image.getRaster().setSample(x, y, 0, x == index ? 250 : y * 30);
            }
        }
        return image;
    }

    /** Two classes ("dark", "light") of gray PNGs, no top folder. */
    public static byte[] grayImageZip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            entries.put("light/" + i + ".png", png(grayImage(i)));
            entries.put("dark/" + i + ".png", png(grayImage(i + 4)));
        }
        return zip(entries);
    }

    /** {@code cat/bomb.png} unpacks 16 MiB of zeros from a few kilobytes. */
    public static byte[] zipBomb() {
        Map<String, byte[]> entries = validImageEntries();
        entries.put(ZIP_TOP_FOLDER + "/cross/bomb.png", new byte[16 << 20]);
        return zip(entries);
    }

    /** A valid archive plus an entry whose path climbs out: {@code shapes/../../evil.png}. */
    public static byte[] zipWithParentSegment() {
        return zipWithExtra(ZIP_TOP_FOLDER + "/../../evil.png", png(patternImage("cross", 0)));
    }

    /** A valid archive plus an entry with an absolute path: {@code /etc/cron.d/evil.png}. */
    public static byte[] zipWithAbsoluteEntry() {
        return zipWithExtra("/etc/cron.d/evil.png", png(patternImage("cross", 0)));
    }

    /** A valid archive plus {@code C:/Windows/evil.png}. */
    public static byte[] zipWithDriveLetter() {
        return zipWithExtra("C:/Windows/evil.png", png(patternImage("cross", 0)));
    }

    /** A valid archive plus {@code shapes\cross\evil.png}. */
    public static byte[] zipWithBackslash() {
        return zipWithExtra("shapes\\cross\\evil.png", png(patternImage("cross", 0)));
    }

    /** A valid archive plus {@code shapes/circle/notes.txt}. */
    public static byte[] zipWithNonImage() {
        return zipWithExtra(ZIP_TOP_FOLDER + "/circle/notes.txt", utf8("drawn by hand\n"));
    }

    /** A valid archive plus {@code shapes/cross/broken.png}: the PNG signature, then garbage. */
    public static byte[] zipWithUndecodablePng() {
        byte[] broken = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 64);
        Arrays.fill(broken, 8, 64, (byte) 0x5a);
        return zipWithExtra(ZIP_TOP_FOLDER + "/cross/broken.png", broken);
    }

    /** A valid archive plus {@code shapes/stripes/big.png} of 16x12 pixels. */
    public static byte[] zipWithWrongSizePng() {
        return zipWithExtra(ZIP_TOP_FOLDER + "/stripes/big.png",
                png(new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB)));
    }

    /** A valid archive plus {@code shapes/loose.png}, which is in no class folder. */
    public static byte[] zipWithTopLevelImage() {
        return zipWithExtra(ZIP_TOP_FOLDER + "/loose.png", png(patternImage("cross", 1)));
    }

    /** A valid archive plus the clutter macOS and Windows add; the importer must skip it. */
    public static byte[] zipWithSystemClutter() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ZIP_TOP_FOLDER + "/", new byte[0]);
        entries.put("__MACOSX/" + ZIP_TOP_FOLDER + "/._circle", utf8("resource fork"));
        entries.put(ZIP_TOP_FOLDER + "/.DS_Store", utf8("finder"));
        entries.putAll(validImageEntries());
        entries.put(ZIP_TOP_FOLDER + "/cross/Thumbs.db", utf8("thumbnails"));
        return zip(entries);
    }

    /** An archive with only folders. */
    public static byte[] zipWithoutImages() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cat/", new byte[0]);
        entries.put("dog/", new byte[0]);
        return zip(entries);
    }

    /** Plain text with a .zip name in mind. */
    public static byte[] notAZip() {
        return utf8("this,is,a,csv\n1,2,3,4\n");
    }

    private static byte[] zipWithExtra(String name, byte[] content) {
        Map<String, byte[]> entries = validImageEntries();
        entries.put(name, content);
        return zip(entries);
    }

    /** A ZIP of the entries in map order; names ending in '/' become folder entries. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
