package dev.pathway.circuits.data;

import java.util.function.BiFunction;

/**
 * What the builders share.
 *
 * @param base the base data
 * @param selection the selected queries, terms and documents
 * @param options build options
 * @param fitter shortens documents so that every variant fits the maximum length
 * @param synonyms STMC1's nearest word for (term, query) when the source gives none
 */
public record BuildContext(
        BaseData base,
        QuerySelection selection,
        BuildOptions options,
        DocFitter fitter,
        BiFunction<String, String, SynonymFinder.Match> synonyms) {}
