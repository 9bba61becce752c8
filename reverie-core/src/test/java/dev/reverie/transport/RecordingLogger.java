package dev.reverie.transport;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A {@link System.Logger} that keeps every message at or above its level, for assertions. */
final class RecordingLogger implements System.Logger {
  final List<String> messages = new CopyOnWriteArrayList<>();
  private final Level level;

  RecordingLogger(Level level) {
    this.level = level;
  }

  @Override
  public String getName() {
    return "recording";
  }

  @Override
  public boolean isLoggable(Level candidate) {
    return candidate.getSeverity() >= level.getSeverity();
  }

  @Override
  public void log(Level candidate, Supplier<String> supplier) {
    if (isLoggable(candidate)) messages.add(supplier.get());
  }

  @Override
  public void log(Level candidate, ResourceBundle bundle, String message, Throwable thrown) {
    if (isLoggable(candidate)) messages.add(message);
  }

  @Override
  public void log(Level candidate, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(candidate)) messages.add(format);
  }
}
