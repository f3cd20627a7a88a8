"""Loads a checkpoint written by pathway with HuggingFace transformers and compares token ids
and logits with what pathway computed (expected.json from HfParityExport).

usage: python3 scripts/hf_parity_check.py DIR   (DIR holds checkpoint/ and expected.json)
Prints one line per pair and a summary; exits 1 if any logit differs by more than 1e-4 or any
token id differs.
"""
import json
import sys

import torch
import transformers
from transformers import AutoModelForSequenceClassification, AutoTokenizer

root = sys.argv[1]
expected = json.load(open(f"{root}/expected.json"))
tok = AutoTokenizer.from_pretrained(f"{root}/checkpoint")
model = AutoModelForSequenceClassification.from_pretrained(f"{root}/checkpoint").eval()
worst = 0.0
ids_ok = True
for e in expected:
    enc = tok(e["query"], e["doc"], truncation="only_second", max_length=128, return_tensors="pt")
    same_ids = enc["input_ids"][0].tolist() == e["ids"]
    ids_ok &= same_ids
    with torch.no_grad():
        logit = model(**enc).logits[0, 0].item()
    worst = max(worst, abs(logit - e["logit"]))
    print(f"ids {'same' if same_ids else 'DIFFER'}  pathway {e['logit']:+.6f}  transformers {logit:+.6f}")
print(f"transformers {transformers.__version__}, torch {torch.__version__}: {len(expected)} pairs,"
      f" token ids {'identical' if ids_ok else 'DIFFER'}, max |logit difference| = {worst:.2e}")
sys.exit(0 if ids_ok and worst <= 1e-4 else 1)
