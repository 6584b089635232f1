package org.clusteratlas.datasets.synth;

import java.io.Serializable;

/**
 * A sole proprietorship (개인사업자) with an NPS workplace: BRN type 01–79, no CRN, not in the registry.
 * NPS lists it only in months with at least 10 insured members.
 */
record Sole(long index, String brn, String name, String owner, int division, int nts, int leaf, int dong,
    int founded, int foundMonth, int exitMonth, int exited, int[] headcount, double wage) implements Serializable {}
