package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.UserInputException;

/**
 * Sets a token's U0 so that it encodes a chosen IDF value: U0[t] := a + b * IDF_target, where
 * U0 ≈ a + b * IDF is the model's own fitted line ({@link U0Fit}). Unlike the scale rules, the
 * result does not depend on the token's current U0, so "make 'aspirin' as important as a token of
 * IDF 12" has one meaning for every token.
 */
public final class TargetIdf implements U0Rule {
    private final U0Fit fit;
    private final double targetIdf;

    public TargetIdf(U0Fit fit, double targetIdf) {
        if (!Double.isFinite(targetIdf)) {
            throw new UserInputException("the target IDF must be a finite number, got " + targetIdf);
        }
        this.fit = fit;
        this.targetIdf = targetIdf;
    }

    @Override
    public String name() {
        return "target-idf";
    }

    @Override
    public double newU0(int tokenId, double u0) {
        return fit.u0For(targetIdf);
    }

    @Override
    public ObjectNode params() {
        ObjectNode n = fit.toJson();
        n.put("rule", name());
        n.put("formula", "U0[t] := intercept + slope*target_idf (least-squares line of U0 on IDF)");
        n.put("target_idf", targetIdf);
        return n;
    }
}
