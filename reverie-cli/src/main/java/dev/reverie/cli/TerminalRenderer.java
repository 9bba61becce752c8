package dev.reverie.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/** Redraws the partial object in place on a terminal, with JLine's display diffing. */
final class TerminalRenderer implements PartialRenderer {
  private final Terminal terminal;
  private final Display display;

  private TerminalRenderer(Terminal terminal) {
    this.terminal = terminal;
    this.display = new Display(terminal, false);
    var size = terminal.getSize();
    display.resize(Math.max(size.getRows(), 10), Math.max(size.getColumns(), 40));
  }

  /** A renderer on the system terminal, or empty when output is not a capable terminal. */
  static java.util.Optional<TerminalRenderer> open() {
    if (System.console() == null) return java.util.Optional.empty();
    try {
      Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
      if (Terminal.TYPE_DUMB.equals(terminal.getType())
          || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
        terminal.close();
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new TerminalRenderer(terminal));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void show(List<String> lines, String oneLine) {
    var attributed = lines.stream().map(AttributedString::new).toList();
    display.update(attributed, -1);
    terminal.flush();
  }

  @Override
  public void close() {
    try {
      terminal.writer().println();
      terminal.flush();
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
