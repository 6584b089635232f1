package org.clusteratlas.datasets.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The graph of code changes, walked forward (old code → the codes its area carries later) or backward
 * (current code → the code its area carried earlier).
 *
 * <p>An <em>event</em> is the set of edges that leave one code on one day (forward) or enter one code on
 * one day (backward). Forward, an area split follows the edge weights from
 * {@code region_code_changes.csv}; backward, a merge is undone with equal weights (the file has no
 * shares for that direction).
 *
 * <p><b>Inverse events.</b> When a walk entered a code through a merge and the next event splits that
 * code into exactly the codes that were merged, the split undoes the merge: the walk returns to the code
 * it came from with its full weight instead of spreading over all of them. That is how 부천 원미구 41192
 * (merged into 41190 on 2016-07-04, split out again on 2024-01-01) maps back to 41192 rather than to a
 * third of each of the three 구. The test is on the code sets only, so it assumes a re-created unit with
 * the same code covers the same area. The same rule runs backward (split then merge).
 */
final class CodeLineage {

    /** One old → new pair: the share of the old area that went to the new code. */
    record Edge(String oldCode, String newCode, LocalDate effective, double weight, boolean primary) {
    }

    /** How the walk entered the current code: from {@code origin}, in an event that involved {@code group}. */
    private record Arrival(String origin, Set<String> group) {
    }

    private final Map<String, List<Edge>> byOld = new HashMap<>();
    private final Map<String, List<Edge>> byNew = new HashMap<>();

    CodeLineage(List<Edge> edges) {
        for (Edge e : edges) {
            byOld.computeIfAbsent(e.oldCode(), k -> new ArrayList<>()).add(e);
            byNew.computeIfAbsent(e.newCode(), k -> new ArrayList<>()).add(e);
        }
    }

    /**
     * The weighted codes that {@code code}, as used on {@code from}, corresponds to on {@code to}. Follows
     * the events strictly after the earlier date and on or before the later one. Weights sum to 1 and
     * exactly one result is primary: the one reached through primary edges only.
     */
    List<RegionVintage.Share> walk(String code, LocalDate from, LocalDate to) {
        ShareTally tally = new ShareTally();
        if (to.isBefore(from)) {
            backward(code, from, to, 1.0, true, null, tally);
        } else {
            forward(code, from, to, 1.0, true, null, tally);
        }
        return tally.shares();
    }

    private void forward(String code, LocalDate after, LocalDate until, double weight, boolean primary,
                         Arrival arrival, ShareTally sink) {
        List<Edge> event = firstEvent(byOld.get(code),
                e -> e.effective().isAfter(after) && !e.effective().isAfter(until), true);
        if (event.isEmpty()) {
            sink.add(code, weight, primary);
            return;
        }
        LocalDate day = event.get(0).effective();
        Set<String> targets = codes(event, Edge::newCode);
        if (undoes(arrival, event, targets)) {
            forward(arrival.origin(), day, until, weight, primary, null, sink);
            return;
        }
        for (Edge e : event) {
            Set<String> mergedInto = codes(sameDay(byNew.get(e.newCode()), day), Edge::oldCode);
            forward(e.newCode(), day, until, weight * e.weight(), primary && e.primary(),
                    new Arrival(code, mergedInto), sink);
        }
    }

    private void backward(String code, LocalDate onOrBefore, LocalDate after, double weight, boolean primary,
                          Arrival arrival, ShareTally sink) {
        List<Edge> event = firstEvent(byNew.get(code),
                e -> e.effective().isAfter(after) && !e.effective().isAfter(onOrBefore), false);
        if (event.isEmpty()) {
            sink.add(code, weight, primary);
            return;
        }
        LocalDate day = event.get(0).effective();
        LocalDate dayBefore = day.minusDays(1);
        Set<String> sources = codes(event, Edge::oldCode);
        if (undoes(arrival, event, sources)) {
            backward(arrival.origin(), dayBefore, after, weight, primary, null, sink);
            return;
        }
        Edge main = mainPredecessor(event);
        for (Edge e : event) {
            Set<String> splitFrom = codes(sameDay(byOld.get(e.oldCode()), day), Edge::newCode);
            backward(e.oldCode(), dayBefore, after, weight / event.size(), primary && e == main,
                    new Arrival(code, splitFrom), sink);
        }
    }

    /** True when {@code event} leads back to exactly the codes of the event that brought the walk here. */
    private static boolean undoes(Arrival arrival, List<Edge> event, Set<String> otherSide) {
        return arrival != null && event.size() > 1 && otherSide.equals(arrival.group())
                && otherSide.contains(arrival.origin());
    }

    /**
     * Backward through a merge the primary predecessor is one whose own primary successor is this code;
     * among several, the lowest code (a stable, documented tie-break, not a population judgement).
     */
    private static Edge mainPredecessor(List<Edge> event) {
        return event.stream()
                .min(Comparator.comparing((Edge e) -> !e.primary()).thenComparing(Edge::oldCode))
                .orElseThrow();
    }

    /** All edges of the earliest (or latest) day among those matching. */
    private static List<Edge> firstEvent(List<Edge> edges, Predicate<Edge> inRange, boolean earliest) {
        if (edges == null) {
            return List.of();
        }
        LocalDate best = null;
        for (Edge e : edges) {
            if (inRange.test(e) && (best == null
                    || (earliest ? e.effective().isBefore(best) : e.effective().isAfter(best)))) {
                best = e.effective();
            }
        }
        return best == null ? List.of() : sameDay(edges, best);
    }

    private static List<Edge> sameDay(List<Edge> edges, LocalDate day) {
        if (edges == null) {
            return List.of();
        }
        return edges.stream().filter(e -> e.effective().equals(day)).collect(Collectors.toList());
    }

    private static Set<String> codes(List<Edge> edges, Function<Edge, String> side) {
        return edges.stream().map(side).collect(Collectors.toCollection(TreeSet::new));
    }
}
