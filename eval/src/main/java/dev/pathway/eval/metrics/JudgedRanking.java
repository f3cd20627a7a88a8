package dev.pathway.eval.metrics;

import dev.pathway.eval.data.ScoredDoc;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One query as trec_eval sees it: the grades of the retrieved documents in ranking order
 * (unjudged documents get grade 0), the number of relevant judged documents (grade >= 1), and the
 * positive grades of all judged documents in descending order (the ideal ranking for nDCG).
 */
public final class JudgedRanking {
    private final int[] grades;
    private final int relevant;
    private final int[] ideal;

    private JudgedRanking(int[] grades, int relevant, int[] ideal) {
        this.grades = grades;
        this.relevant = relevant;
        this.ideal = ideal;
    }

    /**
     * @param ranked the query's documents in trec_eval order ({@link ScoredDoc#TREC_ORDER})
     * @param judgments the query's judgments (document id to grade)
     */
    public static JudgedRanking of(List<ScoredDoc> ranked, Map<String, Integer> judgments) {
        int[] grades = new int[ranked.size()];
        for (int i = 0; i < grades.length; i++) {
            Integer g = judgments.get(ranked.get(i).docId());
            grades[i] = g == null ? 0 : Math.max(0, g);
        }
        return of(grades, judgments.values().stream().mapToInt(Integer::intValue).toArray());
    }

    /** From grades in ranking order and all judged grades of the query (for tests and tools). */
    public static JudgedRanking of(int[] rankedGrades, int[] judgedGrades) {
        int relevant = 0;
        int positives = 0;
        for (int g : judgedGrades) {
            if (g >= 1) {
                relevant++;
            }
            if (g > 0) {
                positives++;
            }
        }
        int[] ideal = new int[positives];
        int k = 0;
        for (int g : judgedGrades) {
            if (g > 0) {
                ideal[k++] = g;
            }
        }
        Arrays.sort(ideal);
        for (int i = 0; i < ideal.length / 2; i++) {
            int t = ideal[i];
            ideal[i] = ideal[ideal.length - 1 - i];
            ideal[ideal.length - 1 - i] = t;
        }
        int[] grades = new int[rankedGrades.length];
        for (int i = 0; i < grades.length; i++) {
            grades[i] = Math.max(0, rankedGrades[i]);
        }
        return new JudgedRanking(grades, relevant, ideal);
    }

    /** Number of retrieved documents. */
    public int retrieved() {
        return grades.length;
    }

    /** Grade of the document at 0-based position {@code i} (0 if unjudged). */
    public int grade(int i) {
        return grades[i];
    }

    /** Judged documents with grade >= 1. */
    public int relevant() {
        return relevant;
    }

    /** Positive judged grades, descending. */
    public int[] idealGrades() {
        return ideal.clone();
    }

    int idealGrade(int i) {
        return ideal[i];
    }

    int idealLength() {
        return ideal.length;
    }
}
