/**
 * Data sets in BEIR layout and the TREC formats: {@link dev.pathway.eval.data.DataSets} resolves a
 * name through its manifest (cache, mirror, verified download) to a {@link
 * dev.pathway.eval.data.DataSet} with a streaming corpus ({@link dev.pathway.eval.data.CorpusReader}),
 * queries and {@link dev.pathway.eval.data.Qrels} per split; {@link dev.pathway.eval.data.Run} is a
 * retrieval run in trec_eval order, read and written by {@link dev.pathway.eval.data.RunFiles};
 * {@link dev.pathway.eval.data.QrelsFiles} reads and writes BEIR TSV and TREC qrels.
 */
package dev.pathway.eval.data;
