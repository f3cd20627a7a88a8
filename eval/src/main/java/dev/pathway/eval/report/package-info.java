/**
 * Reports of an evaluation: {@link dev.pathway.eval.report.EvalReport} written by {@link
 * dev.pathway.eval.report.ReportWriter} as results.json ({@link dev.pathway.eval.report.ResultsJson}),
 * report.md ({@link dev.pathway.eval.report.MarkdownReport}) and chart.png ({@link
 * dev.pathway.eval.report.BarChart}).
 */
package dev.pathway.eval.report;
