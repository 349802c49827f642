package org.compactproofs.checker.rules;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.cert.CertificateFormatException;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * What the steps have proven so far: the number of inputs shown correct (the sum over disjoint sets of inputs,
 * each rule responsible for its set's disjointness from the others) and the work done, by kind.
 */
public final class ProofState {
    private final Model model;
    private final Path certificate;
    private final int threads;
    private final Limits limits;
    private CircuitTables tables;
    private BigInteger proven = BigInteger.ZERO;
    private final Map<String, Long> operations = new LinkedHashMap<>();
    private final Map<String, String[]> caseKinds = new java.util.HashMap<>();
    private boolean allInputsCounted;
    private long work, cases, boundOperations;
    private String strategy;

    public ProofState(Model model, Path certificate, int threads, Limits limits) {
        this.model = model;
        this.certificate = certificate;
        this.threads = threads;
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public Model model() {
        return model;
    }

    public int threads() {
        return threads;
    }

    /** The exact circuit tables, computed once, on first use. */
    public CircuitTables tables() {
        if (tables == null) {
            tables = CircuitTables.of(model);
            count("tables.exact-multiply-adds", CircuitTables.operations(model.vocab(),
                    model.context(), model.dModel(), model.dHead()));
        }
        return tables;
    }

    public BigInteger proven() {
        return proven;
    }

    public Map<String, Long> operations() {
        return operations;
    }

    /** Starts the check's work with the tables' ({@link RuleFamily#tableWork}, already within the limit). */
    public void beginWork(String strategyName, long tables) {
        strategy = strategyName;
        work = tables;
    }

    /**
     * Adds a case's operations to the check's work; beyond {@link Limits#work()} the check stops at this step,
     * before any further case (docs/trusted-base.md, "Costs").
     */
    private void spend(Step step, long operations) {
        work += operations;
        if (work > limits.work()) {
            long worst = strategy == null ? -1 : Strategies.worstWork(strategy, model);
            throw exceeded(step, "the check has done " + work + " operations, beyond the limit of " + limits.work()
                    + (worst < 0 ? "" : "; strategy " + strategy + " may need up to " + worst + " on a model of this"
                    + " shape (" + Limits.duration(worst / Limits.OPERATIONS_PER_SECOND) + " on one thread)"),
                    "--max-work");
        }
    }

    /** A case checked by {@code rule} with its bound's operations: counted, typed and by name, and metered. */
    public void caseChecked(Step step, String rule, long operations) {
        String[] kinds = caseKinds.computeIfAbsent(rule, r -> new String[] {r + ".bound-operations (double, rounded down)",
                r + ".cases"}); // made once: a check may have millions of cases
        count(kinds[0], operations);
        count(kinds[1], 1);
        cases++;
        boundOperations += operations;
        spend(step, operations);
    }

    /** Operations of a rule's tables (S2), counted with the bound operations; charged by its family's tableWork. */
    public void tablesBuilt(String rule, long operations) {
        count(rule + ".table-operations", operations);
        boundOperations += operations;
    }

    /** The work so far, typed. */
    public org.compactproofs.checker.Verdict.Work work() {
        return new org.compactproofs.checker.Verdict.Work(cases, boundOperations);
    }

    public void count(String kind, long n) {
        operations.merge(kind, n, Long::sum);
    }

    /** Records a proof about every input at once; only one such step may count. */
    public void provedAllInputs(Step step, BigInteger correct) {
        if (allInputsCounted || proven.signum() > 0) {
            throw error(step, 1, "a step about all inputs must be the only counting step");
        }
        allInputsCounted = true;
        proven = correct;
    }

    /** Adds the size of a case proven correct; cases are disjoint from each other by their keys. */
    public void provedCases(Step step, BigInteger count) {
        if (allInputsCounted) {
            throw error(step, 1, "a step about all inputs must be the only counting step");
        }
        proven = proven.add(count);
    }

    public CertificateFormatException error(Step step, int column, String problem) {
        return new CertificateFormatException(certificate, step.line(), column, "rule " + CertificateFormatException.quote(step.rule()) + ": " + problem);
    }

    /** A step beyond a limit; {@code option} raises it. */
    public CertificateFormatException exceeded(Step step, String problem, String option) {
        return Limits.exceeded(certificate, step.line(), step.column(), "rule " + step.rule() + ": " + problem, option);
    }
}
