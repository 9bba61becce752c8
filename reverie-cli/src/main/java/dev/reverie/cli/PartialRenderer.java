package dev.reverie.cli;

import java.util.List;

/** Shows a partial object as it changes: in place on a terminal, or one line per change. */
interface PartialRenderer extends AutoCloseable {
  /** Shows the new state; {@code lines} is the multi-line view, {@code oneLine} the compact one. */
  void show(List<String> lines, String oneLine);

  @Override
  void close();
}
