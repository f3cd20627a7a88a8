package dev.pathway.core;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.checkpoint.SafeTensors;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a checkpoint small enough to ship to a machine with Python (the real MiniLM-L6 weights
 * cut to its first 2 layers, written by pathway's own save path) together with pathway's token
 * ids and logits for real NFCorpus pairs; {@code scripts/hf_parity_check.py} loads it with
 * HuggingFace transformers and compares. Run: see scripts/README.md.
 */
public final class HfParityExport {
    private HfParityExport() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path src = TestModels.minilm();
        Path cut = Files.createTempDirectory("pathway-cut");
        ObjectNode cfg = (ObjectNode) Json.read(src.resolve(Checkpoints.CONFIG));
        cfg.put("num_hidden_layers", 2);
        Json.write(cut.resolve(Checkpoints.CONFIG), cfg);
        Files.copy(src.resolve(Checkpoints.TOKENIZER), cut.resolve(Checkpoints.TOKENIZER));
        Files.copy(src.resolve(Checkpoints.TOKENIZER_CONFIG), cut.resolve(Checkpoints.TOKENIZER_CONFIG));
        List<RawTensor> kept = new ArrayList<>();
        for (RawTensor t : SafeTensors.read(src.resolve(Checkpoints.WEIGHTS)).values()) {
            if (!t.name().matches("bert\\.encoder\\.layer\\.([2-9]|\\d\\d)\\..*")) {
                kept.add(t);
            }
        }
        SafeTensors.write(cut.resolve(Checkpoints.WEIGHTS), kept, Map.of());
        List<String> q = TestData.nfcorpusQueries(12);
        List<String> d = TestData.nfcorpusDocs(12);
        try (CrossEncoder m = Checkpoints.load(cut, Device.cpu())) {
            Checkpoints.save(m, out.resolve("checkpoint"), true, m.provenance().withOperation("cut-to-2-layers", null, null, null));
        }
        try (CrossEncoder m = Checkpoints.load(out.resolve("checkpoint"), Device.cpu())) {
            ArrayNode pairs = Json.MAPPER.createArrayNode();
            for (int i = 0; i < q.size(); i++) {
                PairEncoding p = m.tokenizer().encodePair(q.get(i), d.get(i), 128);
                ObjectNode n = pairs.addObject();
                n.put("query", q.get(i));
                n.put("doc", d.get(i));
                ArrayNode ids = n.putArray("ids");
                for (long id : p.ids()) {
                    ids.add(id);
                }
                n.put("logit", m.score(List.of(p))[0]);
            }
            Json.write(out.resolve("expected.json"), pairs);
        }
        System.out.println("wrote " + out);
    }
}
