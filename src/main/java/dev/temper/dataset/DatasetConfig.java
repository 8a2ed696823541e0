package dev.temper.dataset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/** Limits on what an upload may be; {@code temper.datasets.*}. */
@ConfigMapping(prefix = "temper.datasets")
public interface DatasetConfig {

    /** Largest upload in bytes, counted while the body streams in (2 GiB). */
    @WithDefault("2147483648")
    @Positive
    long maxUploadBytes();

    /** Largest total a ZIP or gzip upload may unpack to. */
    @WithDefault("4294967296")
    @Positive
    long maxUnpackedBytes();

    /** Largest unpacked/packed ratio of one ZIP entry: above it, the entry is treated as a decompression bomb. */
    @WithDefault("100")
    @Positive
    int maxCompressionRatio();

    @WithDefault("1000000")
    @Positive
    int maxEntries();
}
