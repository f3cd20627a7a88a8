package dev.pathway.circuits.path;

import dev.pathway.circuits.patch.GridSpec;
import dev.pathway.core.config.BertConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays senders out as a layer x head grid for results and heatmaps: one row per layer (and a
 * first row "embed" when the embeddings are a sender), one column per head (and a last column
 * "mlp" when MLPs are senders). Cells without a sender stay empty.
 */
public final class SenderGrid {
    private final GridSpec grid;
    private final boolean embedRow;
    private final boolean mlpColumn;
    private final int heads;

    public SenderGrid(BertConfig config, List<Sender> senders) {
        this.embedRow = senders.stream().anyMatch(s -> s.kind() == Sender.Kind.EMBED);
        this.mlpColumn = senders.stream().anyMatch(s -> s.kind() == Sender.Kind.MLP);
        this.heads = config.numHeads();
        List<String> rows = new ArrayList<>();
        if (embedRow) {
            rows.add("embed");
        }
        for (int l = 0; l < config.numLayers(); l++) {
            rows.add(Integer.toString(l));
        }
        List<String> cols = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            cols.add(Integer.toString(h));
        }
        if (mlpColumn) {
            cols.add("mlp");
        }
        this.grid = new GridSpec(List.of(new GridSpec.Axis("sender layer", rows), new GridSpec.Axis("sender head", cols)));
    }

    public GridSpec grid() {
        return grid;
    }

    public int index(Sender s) {
        int off = embedRow ? 1 : 0;
        return switch (s.kind()) {
            case EMBED -> grid.index(0, 0);
            case MLP -> grid.index(s.layer() + off, heads);
            case HEAD -> grid.index(s.layer() + off, s.head());
        };
    }
}
