/**
 * The BM25 first stage on Lucene, set up as Anserini sets up its BEIR baselines: {@link
 * dev.pathway.eval.bm25.Bm25Index} (cached by corpus checksum), {@link
 * dev.pathway.eval.bm25.Bm25Params} (k1 = 0.9, b = 0.4, flat or multifield) and the one-call {@link
 * dev.pathway.eval.bm25.Bm25} for library users.
 */
package dev.pathway.eval.bm25;
