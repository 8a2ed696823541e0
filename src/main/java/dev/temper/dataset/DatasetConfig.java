package dev.temper.dataset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what an upload may be; {@code temper.datasets.*}. */
@ConfigMapping(prefix = "temper.datasets")
public interface DatasetConfig {

    /** Largest upload in bytes, counted while the body streams in (2 GiB). */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** Largest total a ZIP or gzip upload may unpack to. */
    @WithDefault("4294967296")
    long maxUnpackedBytes();

    /** Largest unpacked/packed ratio of one ZIP entry: above it, the entry is treated as a decompression bomb. */
    @WithDefault("100")
    int maxCompressionRatio();

    @WithDefault("1000000")
    int maxEntries();
}
