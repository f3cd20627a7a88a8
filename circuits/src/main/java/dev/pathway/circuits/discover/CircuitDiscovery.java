package dev.pathway.circuits.discover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.EffectResult;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.path.PathPatchingRun;
import dev.pathway.circuits.path.Receiver;
import dev.pathway.circuits.path.Sender;
import dev.pathway.circuits.path.SenderGrid;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The backward search of the paper's section 3.3 and appendix C.
 *
 * <ol>
 *   <li>Level 0: path patching from every head to the logits. Heads whose effect is at least
 *       {@code fraction} x the largest effect (and at least {@code minEffect}) join the circuit,
 *       with an edge to the logits.
 *   <li>Level k: for each head found at level k-1, path patching from every head of a lower layer
 *       into that head's inputs (default v). Senders above the threshold of that receiver's sweep
 *       get an edge; those not yet in the circuit join it at level k.
 *   <li>Repeat until no new head joins or {@code maxDepth} levels are done.
 * </ol>
 *
 * Roles, from the level and the head's attention over the pairs' baselines
 * ({@link HeadAttentionStats}): a level-0 head is a relevance <i>scoring</i> head when [CLS]
 * attends more densely to query tokens than to document tokens (else "direct (other)"); a head of
 * a later level is a query <i>contextualization</i> head when query tokens attend more densely
 * among themselves than across query and document, and a <i>matching</i> head otherwise.
 */
public final class CircuitDiscovery {
    private static final Logger LOG = LogManager.getLogger(CircuitDiscovery.class);

    private CircuitDiscovery() {}

    /** One step of the search: its receiver, the sweep and the threshold applied. */
    public record Step(int level, String receiver, EffectResult result, SenderGrid grid, double max, double threshold, List<HeadId> kept) {}

    /** The circuit and every sweep behind it. */
    public record Result(Circuit circuit, List<Step> steps) {}

    public static Result discover(CrossEncoder model, List<AlignedPair> pairs, DiscoveryOptions opt, RowBudget budget, MinDelta minDelta) {
        List<Sender> allHeads = new ArrayList<>();
        HeadId.all(model.config()).forEach(h -> allHeads.add(Sender.head(h)));
        List<Step> steps = new ArrayList<>();
        Map<HeadId, Integer> level = new LinkedHashMap<>();
        Map<HeadId, Double> effect = new LinkedHashMap<>();
        List<Circuit.Edge> edges = new ArrayList<>();

        EffectResult direct = PathPatchingRun.run(model, pairs, allHeads, null, budget, minDelta);
        SenderGrid grid0 = new SenderGrid(model.config(), allHeads);
        Step s0 = select(0, Circuit.LOGITS, direct, grid0, allHeads, opt);
        steps.add(s0);
        double[] v0 = direct.values(opt.aggregate());
        for (HeadId h : s0.kept()) {
            level.put(h, 0);
            effect.put(h, v0[grid0.index(Sender.head(h))]);
            edges.add(new Circuit.Edge(h, Circuit.LOGITS, null, v0[grid0.index(Sender.head(h))]));
        }
        List<HeadId> frontier = new ArrayList<>(s0.kept());
        List<String> notExpanded = new ArrayList<>();
        for (int depth = 1; depth <= opt.maxDepth() && !frontier.isEmpty(); depth++) {
            frontier.sort(java.util.Comparator.comparingDouble((HeadId h) -> -effect.get(h)));
            if (opt.maxReceivers() > 0 && frontier.size() > opt.maxReceivers()) {
                frontier.subList(opt.maxReceivers(), frontier.size()).forEach(h -> notExpanded.add(h.toString()));
                frontier = new ArrayList<>(frontier.subList(0, opt.maxReceivers()));
            }
            List<HeadId> next = new ArrayList<>();
            for (HeadId r : frontier) {
                List<Sender> senders = allHeads.stream().filter(s -> s.layer() < r.layer()).toList();
                if (senders.isEmpty()) {
                    continue;
                }
                Receiver receiver = new Receiver(List.of(r), opt.inputs());
                EffectResult res = PathPatchingRun.run(model, pairs, senders, receiver, budget, minDelta);
                SenderGrid grid = new SenderGrid(model.config(), senders);
                String input = String.join("", opt.inputs().stream().sorted().toList());
                Step st = select(depth, r.toString(), res, grid, senders, opt);
                steps.add(st);
                double[] v = res.values(opt.aggregate());
                for (HeadId h : st.kept()) {
                    double e = v[grid.index(Sender.head(h))];
                    edges.add(new Circuit.Edge(h, r.toString(), input, e));
                    if (!level.containsKey(h)) {
                        level.put(h, depth);
                        effect.put(h, e);
                        next.add(h);
                    }
                }
            }
            LOG.info("level {}: {} new heads", depth, next.size());
            frontier = next;
        }

        HeadAttentionStats.Stats[][] stats = HeadAttentionStats.compute(model, pairs.stream().map(AlignedPair::baseline).toList());
        List<Circuit.Node> nodes = new ArrayList<>();
        for (Map.Entry<HeadId, Integer> e : level.entrySet()) {
            HeadAttentionStats.Stats st = HeadAttentionStats.of(stats, e.getKey());
            Role role = e.getValue() == 0
                    ? (st.clsReadsQuery() ? Role.SCORING : Role.DIRECT_OTHER)
                    : (st.withinQuery() ? Role.CONTEXTUALIZATION : Role.MATCHING);
            nodes.add(new Circuit.Node(e.getKey(), e.getValue(), effect.get(e.getKey()), role, st));
        }
        ObjectNode rule = Json.MAPPER.createObjectNode();
        rule.put("threshold", opt.fraction() + " x the largest effect of each step");
        rule.put("min_effect", opt.minEffect());
        rule.put("rank_by", opt.aggregate());
        rule.put("receiver_inputs", String.join("", opt.inputs().stream().sorted().toList()));
        rule.put("max_depth", opt.maxDepth());
        rule.put("max_receivers_per_level", opt.maxReceivers());
        com.fasterxml.jackson.databind.node.ArrayNode ne = rule.putArray("not_traced_further");
        notExpanded.forEach(ne::add);
        rule.put("pairs", pairs.size());
        rule.put("min_delta", direct.minDelta());
        rule.put("roles", "level 0: scoring if [CLS]->query density > [CLS]->doc density, else direct (other); "
                + "level >= 1: contextualization if query->query density > mean of query->doc and doc->query densities, else matching");
        return new Result(new Circuit(nodes, edges, rule), steps);
    }

    private static Step select(int level, String receiver, EffectResult res, SenderGrid grid, List<Sender> senders, DiscoveryOptions opt) {
        double[] v = res.values(opt.aggregate());
        double max = Double.NEGATIVE_INFINITY;
        for (Sender s : senders) {
            double e = v[grid.index(s)];
            if (!Double.isNaN(e)) {
                max = Math.max(max, e);
            }
        }
        double threshold = Math.max(opt.fraction() * max, opt.minEffect());
        List<HeadId> kept = new ArrayList<>();
        if (max > 0) {
            for (Sender s : senders) {
                double e = v[grid.index(s)];
                if (!Double.isNaN(e) && e > 0 && e >= threshold) {
                    kept.add(s.headId());
                }
            }
        }
        return new Step(level, receiver, res, grid, max, threshold, kept);
    }
}
