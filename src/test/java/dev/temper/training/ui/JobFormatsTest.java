package dev.temper.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobFormatsTest {

    @Test
    void etaIsADashWithoutAnEstimateAndRoundedToWholeMinutesOrTenthsOfHours() {
        assertThat(JobFormats.eta(null)).isEqualTo("—");
        assertThat(JobFormats.eta(0L)).isEqualTo("under a minute");
        assertThat(JobFormats.eta(59L)).isEqualTo("under a minute");
        assertThat(JobFormats.eta(60L)).isEqualTo("about 1 min");
        assertThat(JobFormats.eta(170L)).isEqualTo("about 3 min");
        assertThat(JobFormats.eta(3_599L)).isEqualTo("about 60 min");
        assertThat(JobFormats.eta(5_400L)).isEqualTo("about 1.5 h");
    }

    @Test
    void gpuJobsShowGpuTimeInTheLargestReadableUnit() {
        assertThat(JobFormats.usage(1, 30, 30)).isEqualTo("30 GPU·s");
        assertThat(JobFormats.usage(2, 360, 720)).isEqualTo("12 GPU·min");
        assertThat(JobFormats.usage(2, 2_700, 5_400)).isEqualTo("1.5 GPU·h");
    }

    @Test
    void jobsWithoutGpusShowRunTimeOnlyAndJobsThatNeverRanADash() {
        assertThat(JobFormats.usage(0, 240, 0)).isEqualTo("run 4 min");
        assertThat(JobFormats.usage(0, 7_200, 0)).isEqualTo("run 2.0 h");
        assertThat(JobFormats.usage(1, 0, 0)).isEqualTo("—");
    }
}
