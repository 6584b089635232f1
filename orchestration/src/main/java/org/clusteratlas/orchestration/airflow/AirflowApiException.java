package org.clusteratlas.orchestration.airflow;

/** Airflow answered with an error status, or could not be reached at all. */
public final class AirflowApiException extends AirflowException {
  /** What went wrong, so callers can react without parsing messages. */
  public enum Problem {
    /** 401: missing or wrong credentials, or an expired token. */
    UNAUTHORIZED,
    /** 403: the user may not do this. */
    FORBIDDEN,
    /** 404: no such DAG, run or asset (or the wrong API version for this Airflow). */
    NOT_FOUND,
    /** 409: a run with this id exists already. */
    CONFLICT,
    /** 400 or 422: the request was rejected as malformed. */
    INVALID,
    /** 5xx or an unexpected status. */
    SERVER,
    /** No HTTP answer at all (connection refused, DNS, timeout). */
    UNREACHABLE
  }

  private final Problem problem;
  private final int status;

  AirflowApiException(Problem problem, int status, String message) {
    super(message);
    this.problem = problem;
    this.status = status;
  }

  AirflowApiException(String message, Throwable cause) {
    super(message, cause);
    this.problem = Problem.UNREACHABLE;
    this.status = 0;
  }

  public Problem problem() {
    return problem;
  }

  /** The HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  static Problem of(int status) {
    return switch (status) {
      case 401 -> Problem.UNAUTHORIZED;
      case 403 -> Problem.FORBIDDEN;
      case 404 -> Problem.NOT_FOUND;
      case 409 -> Problem.CONFLICT;
      case 400, 422 -> Problem.INVALID;
      default -> Problem.SERVER;
    };
  }
}
