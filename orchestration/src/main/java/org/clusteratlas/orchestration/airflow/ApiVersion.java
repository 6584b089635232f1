package org.clusteratlas.orchestration.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * What differs between Airflow's two stable REST APIs (OpenAPI specs v1 @ Airflow 2.10, v2 @ 3.x).
 * Trigger, run state and task-instance listing have the same paths below the prefix in both.
 */
public enum ApiVersion {
  /** Airflow 2.9+ ({@code /api/v1}); dataset events need 2.9. */
  V1("/api/v1"),
  /** Airflow 3 ({@code /api/v2}); {@code /api/v1} no longer exists there. */
  V2("/api/v2");

  private final String prefix;

  ApiVersion(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** {@code v1} or {@code v2}, as users type it. */
  public static ApiVersion parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "v1", "1", "airflow2" -> V1;
      case "v2", "2", "airflow3" -> V2;
      default -> throw new IllegalArgumentException("--api must be v1 (Airflow 2) or v2 (Airflow 3), got '" + text + "'");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The body of {@code POST .../dags/{dag_id}/dagRuns}. In v2 {@code logical_date} is a required key
   * that may be null (a run without a logical date); v1 treats every field as optional and picks
   * "now" when it is absent, so there we send it only when it is set.
   */
  ObjectNode triggerBody(String dagRunId, JsonNode conf, Instant logicalDate) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (dagRunId != null) {
      body.put("dag_run_id", dagRunId);
    }
    if (logicalDate != null) {
      body.put("logical_date", logicalDate.toString());
    } else if (this == V2) {
      body.putNull("logical_date");
    }
    body.set("conf", conf == null ? JsonNodeFactory.instance.objectNode() : conf);
    return body;
  }
}
