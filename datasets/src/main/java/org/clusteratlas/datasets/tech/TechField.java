package org.clusteratlas.datasets.tech;

/**
 * One of the 35 WIPO technology fields (Schmoch 2008).
 *
 * @param id     1..35
 * @param name   English field name as WIPO publishes it, e.g. {@code Semiconductors}
 * @param sector the sector name: {@code Electrical engineering} (fields 1–8), {@code Instruments} (9–13),
 *               {@code Chemistry} (14–24), {@code Mechanical engineering} (25–32), {@code Other fields} (33–35)
 */
public record TechField(int id, String name, String sector) {
}
