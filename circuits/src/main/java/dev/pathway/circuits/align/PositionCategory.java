package dev.pathway.circuits.align;

/**
 * The paper's finer position categories of an aligned pair, used to aggregate position-wise
 * patching over pairs of different lengths:
 *
 * <ul>
 *   <li>{@code CLS}, {@code SEP1} (end of query), {@code SEP2} (last token);
 *   <li>{@code Q_TERM}: query tokens of the selected term; {@code Q_OTHER}: other query tokens;
 *   <li>{@code D_INJ}: document positions where baseline and perturbed differ (the appended term
 *       or synonym against the filler, or a pronoun restored to the term);
 *   <li>{@code D_TERM}: other document tokens of the selected term; {@code D_OTHER}: the rest.
 * </ul>
 *
 * Terms are matched as whole words on word pieces, so multi-piece terms such as "fletcher,nc"
 * are found (the reference code skips them silently).
 */
public enum PositionCategory {
    CLS("CLS"), Q_TERM("Q term"), Q_OTHER("Q other"), SEP1("SEP1"), D_TERM("D term"), D_INJ("D injected"), D_OTHER("D other"),
    SEP2("SEP2");

    private final String label;

    PositionCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
