package org.clusteratlas.jobs.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.orchestration.airflow.AirflowClient;
import org.clusteratlas.orchestration.airflow.ApiVersion;
import org.clusteratlas.orchestration.airflow.Credentials;
import org.clusteratlas.orchestration.airflow.Secret;
import org.clusteratlas.orchestration.airflow.WaitClock;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * How {@code atlas airflow} reaches Airflow. Secrets are read only from environment variables or a
 * file named on the command line, never from the command line itself (it shows up in {@code ps} and
 * shell history).
 */
public final class AirflowOptions {
  // tests substitute both: the JVM's environment cannot be changed, and waits should not sleep
  static Function<String, String> environment = System::getenv;
  static WaitClock clock = WaitClock.system();

  @Option(names = "--url", required = true, paramLabel = "URL",
      description = "Airflow base URL, e.g. https://airflow.example.org (no credentials in it).")
  String url;

  @Option(names = "--api", paramLabel = "v1|v2", defaultValue = "v2", converter = ApiConverter.class,
      description = "v1 for Airflow 2.9+ (basic auth), v2 for Airflow 3 (token from /auth/token). Default: ${DEFAULT-VALUE}.")
  ApiVersion api;

  @Option(names = "--user", paramLabel = "NAME", description = "Airflow user; the password comes from --password-env or --password-file.")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "AIRFLOW_PASSWORD",
      description = "Environment variable holding the password (default: ${DEFAULT-VALUE}).")
  String passwordEnv;

  @Option(names = "--password-file", paramLabel = "PATH", description = "File holding the password (one line).")
  Path passwordFile;

  @Option(names = "--token-env", paramLabel = "VAR",
      description = "Environment variable holding a bearer token to use instead of user and password.")
  String tokenEnv;

  AirflowClient client() {
    URI base = AirflowClient.baseUrl(url);
    return new AirflowClient(base, api, credentials(), java.net.http.HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(15)).build(), clock);
  }

  Credentials credentials() {
    if (tokenEnv != null) {
      if (user != null) {
        throw new UserError("give either --token-env or --user, not both");
      }
      return new Credentials.Token(secret(environment.apply(tokenEnv), "environment variable " + tokenEnv));
    }
    if (user == null) {
      return new Credentials.None();
    }
    Secret password;
    if (passwordFile != null) {
      try {
        // a trailing newline is the file's, not the password's
        password = secret(Files.readString(passwordFile, StandardCharsets.UTF_8).replaceFirst("\\R\\z", ""),
            "password file " + passwordFile);
      } catch (IOException e) {
        throw new UserError("cannot read the password file " + passwordFile + ": " + e.getClass().getSimpleName());
      }
    } else {
      password = secret(environment.apply(passwordEnv), "environment variable " + passwordEnv);
    }
    return Credentials.password(api, user, password);
  }

  private static Secret secret(String value, String source) {
    if (value == null || value.isEmpty()) {
      throw new UserError(source + " is not set or empty");
    }
    return Secret.of(value);
  }

  static final class ApiConverter implements ITypeConverter<ApiVersion> {
    @Override
    public ApiVersion convert(String value) {
      return ApiVersion.parse(value);
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d}, or ISO-8601 ({@code PT1H30M}). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.startsWith("p")) {
          return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> throw new NumberFormatException();
        };
      } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw new IllegalArgumentException("a duration looks like 90s, 30m, 6h or 1d, got '" + value + "'");
      }
    }
  }
}
