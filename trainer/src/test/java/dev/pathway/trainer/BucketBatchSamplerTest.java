package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.trainer.data.BucketBatchSampler;
import dev.pathway.trainer.data.PairGroupDataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketBatchSamplerTest {
    private static PairGroupDataset dataset(int n, BucketBatchSampler sampler) {
        List<List<PairEncoding>> groups = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = 5 + (i * 37) % 90;
            long[] ids = new long[len];
            groups.add(List.of(new PairEncoding(ids, new long[len], 1, 0)));
            labels.add(new float[] {1});
        }
        return PairGroupDataset.builder().groups(groups, labels).setSampling(sampler).build();
    }

    private static List<List<Long>> batches(BucketBatchSampler s, PairGroupDataset d, int epoch) {
        s.setEpoch(epoch);
        List<List<Long>> out = new ArrayList<>();
        for (Iterator<List<Long>> it = s.sample(d); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void everyGroupOncePerEpochSeededAndLengthBucketed() {
        BucketBatchSampler s = new BucketBatchSampler(8, 5);
        PairGroupDataset d = dataset(1000, s);
        List<List<Long>> e1 = batches(s, d, 1);
        Set<Long> seen = new HashSet<>();
        e1.forEach(seen::addAll);
        assertEquals(1000, seen.size());
        assertEquals(125, e1.size());
        assertEquals(e1, batches(new BucketBatchSampler(8, 5), dataset(1000, s), 1), "same seed and epoch, same batches");
        assertNotEquals(e1, batches(s, d, 2), "another epoch, another order");
        // Bucketing: within a batch, lengths are close (sorted windows), far closer than at random.
        double spread = e1.stream().mapToInt(b -> b.stream().mapToInt(i -> d.length(i.intValue())).max().orElse(0)
                - b.stream().mapToInt(i -> d.length(i.intValue())).min().orElse(0)).average().orElse(0);
        assertTrue(spread < 10, "mean length spread per batch " + spread);
    }
}
