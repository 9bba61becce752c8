package dev.reverie.cli;

import picocli.CommandLine;

/**
 * Prints a failure as one clear line instead of a stack trace, unless {@code --debug} asked for the
 * trace.
 */
final class ErrorReporting implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    boolean debug =
        parseResult.hasMatchedOption("--debug")
            || (parseResult.subcommand() != null && anyDebug(parseResult.subcommand()));
    var err = commandLine.getErr();
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("reverie: " + oneLine(e) + " (run with --debug for details)");
    }
    err.flush();
    return 1;
  }

  private static boolean anyDebug(CommandLine.ParseResult result) {
    if (result.hasMatchedOption("--debug")) return true;
    return result.subcommand() != null && anyDebug(result.subcommand());
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) message = e.getClass().getSimpleName();
    return message.replaceAll("\\s+", " ").strip();
  }
}
