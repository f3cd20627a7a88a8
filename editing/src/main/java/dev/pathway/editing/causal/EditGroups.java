package dev.pathway.editing.causal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits samples into groups whose edits can be applied at once without touching another member's
 * input: within a group, no sample contains a piece that another member edits unless it edits that
 * piece itself (a rule gives a piece the same new U0 whoever asks for it). Each group then runs as
 * one batch under one edit, with results identical to editing and scoring each sample alone.
 */
final class EditGroups {
    private EditGroups() {}

    static List<List<Integer>> of(List<DocPairSample> samples, int maxGroupSize) {
        List<List<Integer>> groups = new ArrayList<>();
        List<Set<Integer>> edited = new ArrayList<>();
        List<Set<Integer>> readOnly = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            DocPairSample s = samples.get(i);
            Set<Integer> e = new HashSet<>();
            for (int id : s.tok1Ids()) {
                e.add(id);
            }
            Set<Integer> r = new HashSet<>();
            for (long id : s.doc1().ids()) {
                r.add((int) id);
            }
            for (long id : s.doc2().ids()) {
                r.add((int) id);
            }
            r.removeAll(e);
            int g = 0;
            for (; g < groups.size(); g++) {
                if (groups.get(g).size() < maxGroupSize && disjoint(e, readOnly.get(g)) && disjoint(r, edited.get(g))) {
                    break;
                }
            }
            if (g == groups.size()) {
                groups.add(new ArrayList<>());
                edited.add(new HashSet<>());
                readOnly.add(new HashSet<>());
            }
            groups.get(g).add(i);
            edited.get(g).addAll(e);
            readOnly.get(g).addAll(r);
        }
        return groups;
    }

    private static boolean disjoint(Set<Integer> a, Set<Integer> b) {
        for (int x : a) {
            if (b.contains(x)) {
                return false;
            }
        }
        return true;
    }
}
