package dev.temper.dataset.profile;

import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.profile.DatasetProfile.DuplicateGroup;
import dev.temper.dataset.profile.DatasetProfile.Duplicates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds exact duplicates by the hash of each sample's stored values. Per sample it keeps only the hash
 * and where it was first seen; members beyond the first few of a group are counted, not kept.
 */
final class DuplicateFinder {

    static final int EXAMPLE_GROUPS = 20;
    static final int MEMBERS_SHOWN = 10;

    private final DatasetHeader header;
    private final Map<String, FirstSeen> firstSeen = new HashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    DuplicateFinder(DatasetHeader header) {
        this.header = header;
    }

    void add(int index, Sample sample) {
        String hash = DatasetFile.sampleHash(header, sample.values());
        FirstSeen first = firstSeen.putIfAbsent(hash, new FirstSeen(index, sample.id(), sample.label(),
                sample.split()));
        if (first != null) {
            groups.computeIfAbsent(hash, h -> new Group(first)).add(index, sample.id(), sample.label(),
                    sample.split());
        }
    }

    Duplicates summary() {
        int duplicateSamples = 0;
        int conflicting = 0;
        int crossSplit = 0;
        Map<String, Integer> pairs = new LinkedHashMap<>();
        Split[] splits = Split.values();
        for (int a = 0; a < splits.length; a++) {
            for (int b = a + 1; b < splits.length; b++) {
                pairs.put(pairKey(splits[a], splits[b]), 0);
            }
        }
        for (Group group : groups.values()) {
            duplicateSamples += group.size - 1;
            if (group.conflicting()) {
                conflicting++;
            }
            if (group.crossSplit()) {
                crossSplit++;
                List<Split> present = new ArrayList<>(group.splits);
                for (int a = 0; a < present.size(); a++) {
                    for (int b = a + 1; b < present.size(); b++) {
                        pairs.merge(pairKey(present.get(a), present.get(b)), 1, Integer::sum);
                    }
                }
            }
        }
        return new Duplicates(duplicateSamples, groups.size(), conflicting, crossSplit, pairs, examples());
    }

    /** Groups that can mislead training or evaluation come first; within each kind, file order. */
    private List<DuplicateGroup> examples() {
        return groups.values().stream()
                .sorted(Comparator.comparing((Group g) -> !(g.conflicting() || g.crossSplit()))
                        .thenComparingInt(g -> g.indices.get(0)))
                .limit(EXAMPLE_GROUPS)
                .map(this::toGroup)
                .toList();
    }

    private DuplicateGroup toGroup(Group group) {
        List<String> labels = group.labels.stream().map(header.classNames()::get).toList();
        List<String> splits = group.splits.stream().map(Split::wireName).toList();
        return new DuplicateGroup(group.size, List.copyOf(group.indices), group.ids, labels, splits);
    }

    /** Keys split pairs in enum order, e.g. "train/test". */
    static String pairKey(Split a, Split b) {
        Split first = a.ordinal() <= b.ordinal() ? a : b;
        Split second = first == a ? b : a;
        return first.wireName() + "/" + second.wireName();
    }

    private record FirstSeen(int index, String id, int label, Split split) {
    }

    private static final class Group {

        private final List<Integer> indices = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private final Set<Integer> labels = new LinkedHashSet<>();
        private final Set<Split> splits = EnumSet.noneOf(Split.class);
        private int size;

        Group(FirstSeen first) {
            add(first.index(), first.id(), first.label(), first.split());
        }

        void add(int index, String id, int label, Split split) {
            size++;
            if (indices.size() < MEMBERS_SHOWN) {
                indices.add(index);
                ids.add(id);
            }
            labels.add(label);
            splits.add(split);
        }

        boolean conflicting() {
            return labels.size() > 1;
        }

        boolean crossSplit() {
            return splits.size() > 1;
        }
    }
}
