package dev.temper.dataset.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deals each class's samples round-robin into folds after a seeded shuffle, so every fold keeps the class mix. */
final class StratifiedFolds {

    private StratifiedFolds() {
    }

    static int[] assign(int[] labels, int classCount, int folds, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        int[] fold = new int[labels.length];
        // continuing the round-robin across classes keeps small classes from all landing in fold 0
        int next = 0;
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            for (int member : members) {
                fold[member] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
