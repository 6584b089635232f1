package org.clusteratlas.datasets.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Adds up weights per code when several paths of a walk end on the same code. */
final class ShareTally {

    private final Map<String, double[]> weights = new LinkedHashMap<>();
    private final Set<String> primaries = new TreeSet<>();

    void add(String code, double weight, boolean primary) {
        weights.computeIfAbsent(code, k -> new double[1])[0] += weight;
        if (primary) {
            primaries.add(code);
        }
    }

    /** Primary first, then by code. */
    List<RegionVintage.Share> shares() {
        List<RegionVintage.Share> out = new ArrayList<>();
        weights.forEach((code, w) -> out.add(new RegionVintage.Share(code, w[0], primaries.contains(code))));
        out.sort(Comparator.comparing((RegionVintage.Share s) -> !s.primary()).thenComparing(RegionVintage.Share::code));
        return List.copyOf(out);
    }
}
