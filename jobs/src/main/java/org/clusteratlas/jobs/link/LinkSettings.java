package org.clusteratlas.jobs.link;

/**
 * Decision thresholds and training settings of the link stage.
 *
 * @param linkProbability a unit is linked to its best firm when the pair's probability reaches this
 * @param reviewProbability below {@code linkProbability} and at least this: queued for review, not linked
 * @param margin the best firm must beat the runner-up (another CRN) by this many bits (factor 2^margin)
 * @param unlistedOdds odds that a unit's firm is none of its blocked candidates (not registered, or lost
 *     at blocking), relative to one candidate of pairwise odds 1: the "none of these" term of the
 *     candidate-normalised probability (see {@link PairScoring#normalise}); 0.01 by default, one firm-kind
 *     record in a hundred from a firm the registry does not hold
 * @param tfPseudo pseudo-count of other firms in the term-frequency adjustment (a unique name's share is
 *     pseudo / firms: the chance that a record of another firm shows the name, by typo or coincidence)
 * @param uSampleUnits units drawn for the random-pair u estimate
 * @param uSamplePlaces places drawn for the random-pair u estimate
 * @param emIterations maximum EM iterations
 * @param emTolerance EM stops when no parameter moves more than this
 */
public record LinkSettings(double linkProbability, double reviewProbability, double margin, double unlistedOdds,
    double tfPseudo,
    int uSampleUnits, int uSamplePlaces, int emIterations, double emTolerance) {

  public static LinkSettings defaults() {
    // EM runs on the driver over a few hundred agreement patterns: a thousand iterations cost milliseconds,
    // and KIPRIS's region-block EM (λ near 0.001) needs more than the fifty it once had
    return new LinkSettings(0.9, 0.2, 2.0, 0.01, 0.1, 1500, 1500, 1000, 1e-4);
  }
}
