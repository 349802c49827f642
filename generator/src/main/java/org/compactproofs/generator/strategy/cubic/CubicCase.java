package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;

/**
 * One case of the cubic proof: inputs with query token {@code query}, maximum {@code max}, exactly
 * {@code nonmax} non-query positions holding a token other than the maximum, and all those tokens at most
 * {@code upTo} (-1 when nonmax = 0). {@code count} is the number of such inputs: C(k-1, nonmax) (upTo+1)^nonmax.
 */
public record CubicCase(int query, int max, int nonmax, int upTo, BigInteger count, double margin) {}
