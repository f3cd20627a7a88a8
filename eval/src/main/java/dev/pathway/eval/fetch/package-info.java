/**
 * Downloads: {@link dev.pathway.eval.fetch.ZipFetcher} fetches a zip, checks its digest ({@link
 * dev.pathway.eval.fetch.Checksum}) and unpacks it with {@link dev.pathway.eval.fetch.SafeUnzip}
 * (no entry may leave the target folder), then moves the result into place in one rename.
 */
package dev.pathway.eval.fetch;
