package dev.temper.dataset;

import dev.temper.contract.SplitTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Assigns every row to train, validation or test, class by class, from a seed: the same content and
 * seed always give the same split, and each class keeps its share in every split.
 */
final class StratifiedSplit {

    static final double TRAIN_SHARE = 0.70;
    static final double VALIDATION_SHARE = 0.15;

    private StratifiedSplit() {
    }

    static String[] assign(int[] labels, int classCount, long seed) {
        String[] split = new String[labels.length];
        for (int c = 0; c < classCount; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, new Random(seed * 31 + c));
            int validation = (int) Math.round(rows.size() * VALIDATION_SHARE);
            int test = (int) Math.round(rows.size() * (1 - TRAIN_SHARE - VALIDATION_SHARE));
            for (int k = 0; k < rows.size(); k++) {
                split[rows.get(k)] = k < test ? SplitTable.TEST
                        : k < test + validation ? SplitTable.VALIDATION
                        : SplitTable.TRAIN;
            }
        }
        return split;
    }
}
