package org.compactproofs.checker.rules;

import org.compactproofs.checker.cert.Step;

/** One rule of the language; each is a lemma stated and proved in docs/rules.md under its name. */
public interface Rule {
    String name();

    /**
     * Verifies one step, adding what it proves to the state. Returns null when the step holds and the failure
     * otherwise; a step that is malformed (wrong fields, out-of-range values) throws
     * {@link org.compactproofs.checker.cert.CertificateFormatException}.
     */
    Failure apply(Step step, ProofState state);
}
