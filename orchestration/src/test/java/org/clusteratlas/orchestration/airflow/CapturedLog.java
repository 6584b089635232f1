package org.clusteratlas.orchestration.airflow;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every Log4j event (all levels, all loggers) while open: formatted message plus any thrown
 * exception's messages, so a test can check what would have reached a log file.
 */
public final class CapturedLog extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context;
  private final LoggerConfig root;
  private final Map<LoggerConfig, Level> previous = new HashMap<>();

  private CapturedLog(LoggerContext context) {
    super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    this.context = context;
    Configuration config = context.getConfiguration();
    root = config.getRootLogger();
  }

  public static CapturedLog capture() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    CapturedLog log = new CapturedLog(ctx);
    log.start();
    // the loggers configured below the root (e.g. org.clusteratlas at INFO) must not filter DEBUG out
    for (LoggerConfig c : log.configs()) {
      log.previous.put(c, c.getLevel());
      c.addAppender(log, Level.ALL, null);
      c.setLevel(Level.ALL);
    }
    ctx.updateLoggers();
    return log;
  }

  private Set<LoggerConfig> configs() {
    Set<LoggerConfig> all = new LinkedHashSet<>(context.getConfiguration().getLoggers().values());
    all.add(root);
    return all;
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder sb = new StringBuilder(event.getLoggerName()).append(": ")
        .append(event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
      sb.append(" | ").append(t);
    }
    lines.add(sb.toString());
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String text() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    previous.forEach((c, level) -> {
      c.removeAppender(getName());
      c.setLevel(level);
    });
    context.updateLoggers();
    stop();
  }
}
