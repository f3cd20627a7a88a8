package dev.pathway.circuits.data;

import java.util.List;

/** Builds one diagnostic set from the shared query selection. One builder per file. */
public interface DiagnosticBuilder {
    DiagnosticKind kind();

    /** The samples; every selected query contributes at least one. */
    List<DiagnosticSample> build(BuildContext context);
}
