package org.compactproofs.checker.cases;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.cert.Numbers;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;

/**
 * A row {@code NAME max M nonmax C nL0 U0 nL1 U1 ...} (docs/language.md): the cases of one (M, C) in one line.
 * The fields are consecutive ranges of queries from query 0: field {@code nL} covers the next L >= 1 queries (the
 * last range ends at M at most; later queries have no case); its value U is the range's {@code upto},
 * {@code none} (no upto: C = 0 only) or {@code skip} (no case); in a row of rule S4 a field {@code rest B} may follow
 * a range with an integer upto (C >= 2), making its cases staircases. Each query q of a range that is not skipped
 * is the case (q, M, C, U[, rest B]), verified by {@link CaseKey#of} and {@link CaseRule#check} of the row's case rule exactly as
 * the step {@code RULE query q max M nonmax C [upto U] count N} with its correct N would be, in the same key
 * registry. So a row proves exactly what those steps prove (docs/rules.md, "Rows and whole
 * vectors"). The row's shape (fields, order, ranges, max, nonmax) is checked before any case; a failing case is
 * reported at its range's field.
 */
public record CaseRowRule(String name, CaseRule cases) implements Rule {
    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("n[0-9]{1,9}");
    private record Range(Step.Field field, BigInteger start, BigInteger end, BigInteger upTo, Step.Field rest) {}

    @Override
    public Failure apply(Step step, ProofState state) {
        List<Step.Field> fs = step.fields();
        for (int i = 0; i < 2; i++) {
            String expected = i == 0 ? "max" : "nonmax";
            if (fs.size() <= i || !fs.get(i).key().equals(expected)) {
                throw state.error(step, fs.size() <= i ? step.column() : fs.get(i).column(),
                        "a row starts with fields 'max' and 'nonmax'; field " + (i + 1) + " must be '" + expected + "'");
            }
        }
        CaseKey pair = CaseKey.pair(step, state);
        BigInteger mb = BigInteger.valueOf(pair.max()), cb = BigInteger.valueOf(pair.nonmax());
        List<Range> ranges = new ArrayList<>();
        BigInteger start = BigInteger.ZERO;
        for (Step.Field f : fs.subList(2, fs.size())) {
            if (cases.stairs() && f.key().equals("rest")) {
                Range last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
                if (last == null || last.rest() != null || last.upTo() == null || cb.compareTo(BigInteger.TWO) < 0) {
                    throw state.error(step, f.column(), "a rest follows a range with an integer upto, once,"
                            + " and only when nonmax >= 2");
                }
                if (!f.number() || Numbers.integer(f.value()) == null) {
                    throw state.error(step, f.valueColumn(), "a rest is an integer");
                }
                ranges.set(ranges.size() - 1, new Range(last.field(), last.start(), last.end(), last.upTo(), f));
                continue;
            }
            if (!RANGE.matcher(f.key()).matches()) { // compiled once: a row may have thousands of fields
                throw state.error(step, f.column(), "expected a range field nL (the next L queries), not '"
                        + org.compactproofs.checker.cert.CertificateFormatException.quote(f.key()) + "'");
            }
            BigInteger end = start.add(new BigInteger(f.key().substring(1)));
            if (end.compareTo(start) <= 0 || end.compareTo(mb.add(BigInteger.ONE)) > 0) {
                throw state.error(step, f.column(), "a range covers at least one query and ends at max " + mb
                        + " at most; this one covers queries " + start + ".." + end.subtract(BigInteger.ONE));
            }
            BigInteger upTo, integer = f.number() ? Numbers.integer(f.value()) : null;
            if (!f.number() && f.value().equals("skip")) {
                upTo = null;
            } else if (!f.number() && f.value().equals("none")) {
                if (cb.signum() > 0) {
                    throw state.error(step, f.valueColumn(), "'none' (no upto) only when nonmax is 0");
                }
                upTo = BigInteger.valueOf(-1);
            } else if (integer != null) {
                if (cb.signum() == 0) {
                    throw state.error(step, f.valueColumn(), "upto is meaningless when nonmax is 0 (write 'none')");
                }
                upTo = integer;
            } else {
                throw state.error(step, f.valueColumn(), "a range's value is an integer upto, 'none' or 'skip'");
            }
            ranges.add(new Range(f, start, end, upTo, null));
            start = end;
        }
        for (Range r : ranges) {
            BigInteger rest = r.rest() == null ? null : Numbers.integer(r.rest().value());
            for (BigInteger q = r.start(); r.upTo() != null && q.compareTo(r.end()) < 0; q = q.add(BigInteger.ONE)) {
                Failure f;
                try {
                    f = cases.check(step, r.field().column(), state,
                            CaseKey.of(state.model().vocab(), state.model().context(), q, mb, cb, r.upTo()), rest, null);
                } catch (CaseKey.OutOfRange e) {
                    f = e.failure(step, r.field().column(), cases.name());
                }
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
