package org.clusteratlas.orchestration.airflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Captures Log4j events while open, so a test can check what would have reached a log file: our own
 * loggers ({@code org.clusteratlas.*}) at every level, diverted from the console meanwhile, and every
 * other logger at its configured level.
 */
public final class CapturedLog extends AbstractAppender implements AutoCloseable {
  private static final String OURS = "org.clusteratlas";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context;
  private final Map<LoggerConfig, Level> levels = new HashMap<>();
  private LoggerConfig ours;
  private boolean oursAdded;
  private boolean oursAdditive;

  private CapturedLog(LoggerContext context) {
    super("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    this.context = context;
  }

  public static CapturedLog capture() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    CapturedLog log = new CapturedLog(ctx);
    log.start();
    Configuration config = ctx.getConfiguration();
    for (LoggerConfig c : config.getLoggers().values()) {
      c.addAppender(log, Level.ALL, null);
    }
    config.getRootLogger().addAppender(log, Level.ALL, null);
    log.ours = config.getLoggers().get(OURS);
    if (log.ours == null) {
      log.ours = new LoggerConfig(OURS, Level.ALL, false);
      log.ours.addAppender(log, Level.ALL, null);
      config.addLogger(OURS, log.ours);
      log.oursAdded = true;
    } else {
      log.levels.put(log.ours, log.ours.getLevel());
      log.oursAdditive = log.ours.isAdditive();
      log.ours.setLevel(Level.ALL);
      log.ours.setAdditive(false); // DEBUG lines go to the capture only, not to the console
    }
    ctx.updateLoggers();
    return log;
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
    Configuration config = context.getConfiguration();
    if (oursAdded) {
      config.removeLogger(OURS);
    } else {
      ours.setAdditive(oursAdditive);
      levels.forEach(LoggerConfig::setLevel);
    }
    for (LoggerConfig c : config.getLoggers().values()) {
      c.removeAppender(getName());
    }
    config.getRootLogger().removeAppender(getName());
    context.updateLoggers();
    stop();
  }
}
