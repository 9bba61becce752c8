package dev.reverie.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reverie} command: entry point of the CLI. */
@Command(
    name = "reverie",
    description =
        "Reverie: one Java API across LLM providers, agents and typed objects that stream in.",
    mixinStandardHelpOptions = true,
    version = "reverie 0.1.0",
    subcommands = {
      DemoCommand.class,
      ObjectCommand.class,
      ChatCommand.class,
      ProvidersCommand.class,
      ConformanceCommand.class
    })
public final class ReverieCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with error reporting that prints one line per failure. */
  public static CommandLine commandLine() {
    return new CommandLine(new ReverieCommand()).setExecutionExceptionHandler(new ErrorReporting());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
