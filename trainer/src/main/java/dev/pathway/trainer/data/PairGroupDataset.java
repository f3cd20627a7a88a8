package dev.pathway.trainer.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.translate.Batchifier;
import ai.djl.util.Progress;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.Tensors;
import java.util.List;

/**
 * Tokenized training groups as a DJL {@link RandomAccessDataset}: record i holds group i's pairs
 * (ids, token types, mask: [group, seq] int64, padded within the group) and labels [group]. The
 * {@link PadBatchifier} pads across groups; the {@link BucketBatchSampler} forms length-bucketed,
 * seeded batches.
 */
public final class PairGroupDataset extends RandomAccessDataset {
    private final List<List<PairEncoding>> groups;
    private final List<float[]> labels;

    private PairGroupDataset(Builder b) {
        super(b);
        this.groups = b.groups;
        this.labels = b.labels;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Length of group i's longest pair (what its batch will be padded to). */
    public int length(int i) {
        return groups.get(i).stream().mapToInt(PairEncoding::length).max().orElse(0);
    }

    /** Number of pairs in group i. */
    public int groupSize(int i) {
        return groups.get(i).size();
    }

    /** The pairs of group i. */
    public List<PairEncoding> pairs(int i) {
        return groups.get(i);
    }

    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        NDList data = new EncodedBatch(groups.get(i)).toNDList(manager);
        float[] l = labels.get(i);
        return new Record(data, new NDList(Tensors.owned(manager, l, new Shape(l.length))));
    }

    @Override
    protected long availableSize() {
        return groups.size();
    }

    @Override
    public void prepare(Progress progress) {
        // Everything is tokenized up front by the builder.
    }

    /** Builder: the tokenized groups and their labels. */
    public static final class Builder extends BaseBuilder<Builder> {
        private List<List<PairEncoding>> groups;
        private List<float[]> labels;

        public Builder groups(List<List<PairEncoding>> groups, List<float[]> labels) {
            if (groups.size() != labels.size()) {
                throw new IllegalArgumentException("groups and labels differ in number");
            }
            this.groups = List.copyOf(groups);
            this.labels = List.copyOf(labels);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public PairGroupDataset build() {
            optDataBatchifier(new PadBatchifier());
            optLabelBatchifier(Batchifier.STACK);
            return new PairGroupDataset(this);
        }
    }
}
