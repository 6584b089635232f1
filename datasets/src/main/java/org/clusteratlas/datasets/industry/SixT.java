package org.clusteratlas.datasets.industry;

import java.util.Optional;

/**
 * 6T, the government's six strategic technology areas, as NTIS tags projects ({@code SixTechnology}
 * code prefixes 01–07).
 */
public enum SixT {
    IT("01", "정보기술"),
    BT("02", "생명공학기술"),
    NT("03", "나노기술"),
    ST("04", "우주항공기술"),
    ET("05", "환경기술"),
    CT("06", "문화기술"),
    OTHER("07", "기타");

    private final String ntisCode;
    private final String nameKo;

    SixT(String ntisCode, String nameKo) {
        this.ntisCode = ntisCode;
        this.nameKo = nameKo;
    }

    /** The two-digit NTIS code, {@code 01}..{@code 07}. */
    public String ntisCode() {
        return ntisCode;
    }

    public String nameKo() {
        return nameKo;
    }

    /**
     * Reads an NTIS value: the two-digit code or a longer code starting with it ({@code "0103"}), a
     * one-digit code ({@code "1"}), or the label ({@code "IT"}, {@code "기타"}). Empty when unknown.
     */
    public static Optional<SixT> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        for (SixT t : values()) {
            if (t.name().equalsIgnoreCase(v) || t.nameKo.equals(v)) {
                return Optional.of(t);
            }
        }
        if (v.matches("\\d")) {
            v = "0" + v;
        }
        if (v.matches("\\d{2,}")) {
            String prefix = v.substring(0, 2);
            for (SixT t : values()) {
                if (t.ntisCode.equals(prefix)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }
}
