package dev.temper.dataset.profile;

import dev.temper.contract.DatasetHeader;
import dev.temper.dataset.profile.DatasetProfile.ImageSummary;
import dev.temper.dataset.profile.DatasetProfile.ValueStats;
import java.util.ArrayList;
import java.util.List;

/** Pixel statistics per image channel over all pixels of all images (values in HWC order). */
final class ChannelStatistics {

    private final int height;
    private final int width;
    private final RunningStats[] channels;

    ChannelStatistics(DatasetHeader header) {
        this.height = header.shape().get(0);
        this.width = header.shape().get(1);
        this.channels = new RunningStats[header.shape().get(2)];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = new RunningStats();
        }
    }

    void add(float[] values) {
        int stride = channels.length;
        for (int c = 0; c < stride; c++) {
            RunningStats channel = channels[c];
            for (int i = c; i < values.length; i += stride) {
                channel.add(values[i]);
            }
        }
    }

    ImageSummary summary() {
        List<ValueStats> stats = new ArrayList<>();
        for (int c = 0; c < channels.length; c++) {
            stats.add(channels[c].toStats(channelName(c, channels.length)));
        }
        return new ImageSummary(height, width, channels.length, stats);
    }

    static String channelName(int channel, int channelCount) {
        if (channelCount == 1) {
            return "gray";
        }
        if (channelCount == 3 || channelCount == 4) {
            return List.of("red", "green", "blue", "alpha").get(channel);
        }
        return "channel " + (channel + 1);
    }
}
