package org.clusteratlas.orchestration.airflow;

import java.util.Objects;

/**
 * A password or token. Its {@code toString} is a fixed mask, so a secret that ends up in a log line,
 * an exception message or a record's {@code toString} shows as {@code ****}; only this package reads
 * the value, to build the Authorization header.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException when the value is empty: an empty password is always a
   *     configuration mistake (an unset variable), never a real credential
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the secret is empty");
    }
    return new Secret(value);
  }

  String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
