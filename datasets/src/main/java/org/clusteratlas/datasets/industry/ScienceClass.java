package org.clusteratlas.datasets.industry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.clusteratlas.datasets.ReferenceCsv;

/**
 * 국가과학기술표준분류, 2023 revision: the 22 대분류 in 5 research fields, keyed by the two-letter codes
 * NTIS writes in front of its 중분류 (e.g. {@code EE08}). Only {@code ED} (전기/전자) and {@code EE}
 * (정보/통신) are verified against NTIS data; the other letters are this project's assignment, marked
 * {@code code_verified = no} in {@code reference/industry/science_class_2023.csv}.
 */
public final class ScienceClass {

    /** A 대분류: two-letter code, Korean name, and its research field (자연, 생명, 인공물, …). */
    public record Entry(String code, String nameKo, String field) {
    }

    private static final class Loaded {
        static final ScienceClass INSTANCE = read();
    }

    private final List<Entry> top;
    private final Set<String> verified;

    private ScienceClass(List<Entry> top, Set<String> verified) {
        this.top = top;
        this.verified = verified;
    }

    public static ScienceClass load() {
        return Loaded.INSTANCE;
    }

    private static ScienceClass read() {
        List<ReferenceCsv.Line> lines = ReferenceCsv.read("reference/industry/science_class_2023.csv");
        List<Entry> top = lines.stream()
                .map(l -> new Entry(l.required("code"), l.required("name_ko"), l.required("field")))
                .toList();
        Set<String> verified = lines.stream().filter(l -> l.flag("code_verified"))
                .map(l -> l.required("code")).collect(Collectors.toUnmodifiableSet());
        return new ScienceClass(top, verified);
    }

    /** The 22 대분류 in the official order. */
    public List<Entry> top() {
        return top;
    }

    /** The 대분류 of a code or of a longer NTIS code that starts with it ({@code "EE08"} → 정보/통신). */
    public Optional<Entry> top(String code) {
        if (code == null || code.trim().length() < 2) {
            return Optional.empty();
        }
        String prefix = code.trim().substring(0, 2).toUpperCase(Locale.ROOT);
        return top.stream().filter(e -> e.code().equals(prefix)).findFirst();
    }

    /** The distinct research fields, in order. */
    public List<String> fields() {
        return top.stream().map(Entry::field).distinct().toList();
    }

    /** Whether the letter code was seen in real NTIS data (only ED and EE so far). */
    public boolean isVerified(String code) {
        return code != null && verified.contains(code.trim().toUpperCase(Locale.ROOT));
    }
}
