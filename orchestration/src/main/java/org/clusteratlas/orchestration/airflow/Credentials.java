package org.clusteratlas.orchestration.airflow;

/**
 * How the client authenticates. Record {@code toString}s show the user name but mask secrets.
 *
 * <ul>
 *   <li>{@link Basic}: {@code Authorization: Basic base64(user:password)}, Airflow 2 with the basic-auth
 *       API backend enabled ({@code [api] auth_backends}).
 *   <li>{@link Login}: Airflow 3; the client exchanges user and password for a JWT at
 *       {@code POST /auth/token} and sends {@code Authorization: Bearer <jwt>}.
 *   <li>{@link Token}: a bearer token obtained elsewhere.
 *   <li>{@link None}: no Authorization header.
 * </ul>
 */
public sealed interface Credentials {
  record Basic(String user, Secret password) implements Credentials {}

  record Login(String user, Secret password) implements Credentials {}

  record Token(Secret token) implements Credentials {}

  record None() implements Credentials {}

  /** The scheme that fits an API version when the user gives a user name and password. */
  static Credentials password(ApiVersion api, String user, Secret password) {
    return api == ApiVersion.V1 ? new Basic(user, password) : new Login(user, password);
  }
}
