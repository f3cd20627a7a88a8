package dev.pathway.editing.edit;

import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;

/** Makes a rule once the oriented SVD and the IDF reference are known (the target rule needs its fit). */
@FunctionalInterface
public interface RuleFactory {
    U0Rule make(SvdTriplets orientedSvd, IdfTable idf);

    static RuleFactory increase(double scale) {
        Scales.check(scale);
        return (svd, idf) -> new IncreaseIdf(scale);
    }

    static RuleFactory decrease(double scale) {
        Scales.check(scale);
        return (svd, idf) -> new DecreaseIdf(scale);
    }

    static RuleFactory targetIdf(double target) {
        if (!Double.isFinite(target)) {
            throw new dev.pathway.core.util.UserInputException("the target IDF must be a finite number, got " + target);
        }
        return (svd, idf) -> new TargetIdf(U0Fit.of(svd, idf), target);
    }
}
