package org.clusteratlas.datasets.region;

/**
 * A 5-digit 시군구-level 법정동 code (first five digits of the 10-digit 법정동코드; the same code NPS
 * splits into 광역시도코드 + 시군구코드).
 *
 * @param code       five digits
 * @param sidoCode   its first two digits
 * @param name       name within the 시도, e.g. {@code 수원시 장안구}; for 세종 {@code 세종특별자치시}
 * @param parentCity a city that has (or had) 일반구. Its own code carries data only while it has no
 *                   일반구 in force (부천 2016-07..2023-12, 화성 until 2026-01); see
 *                   {@link RegionCatalog#isLeaf}
 * @param parentCode for an 일반구, the code of its city; otherwise {@code null}
 */
public record Sigungu(String code, String sidoCode, String name, boolean parentCity, String parentCode) {

    public boolean isIlbanGu() {
        return parentCode != null;
    }
}
