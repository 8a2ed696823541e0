package dev.temper.dataset.format;

/**
 * Bounds that keep a hostile upload from exhausting disk or memory.
 *
 * @param maxUnpackedBytes    most bytes an archive (or a gzip IDX file) may unpack to, counted while reading
 * @param maxCompressionRatio most unpacked bytes per compressed byte of one ZIP entry
 * @param maxEntries          most entries a ZIP may have
 */
public record ImportLimits(long maxUnpackedBytes, int maxCompressionRatio, int maxEntries) {

    public static final ImportLimits DEFAULT = new ImportLimits(4L << 30, 100, 1_000_000);

    public ImportLimits {
        if (maxUnpackedBytes <= 0 || maxCompressionRatio <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }
}
