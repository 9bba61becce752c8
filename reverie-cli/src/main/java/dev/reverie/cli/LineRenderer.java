package dev.reverie.cli;

import java.io.PrintWriter;
import java.util.List;

/** Renders each change as one line: for pipes, logs and tests. */
final class LineRenderer implements PartialRenderer {
  private final PrintWriter out;

  LineRenderer(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void show(List<String> lines, String oneLine) {
    out.println(oneLine);
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
