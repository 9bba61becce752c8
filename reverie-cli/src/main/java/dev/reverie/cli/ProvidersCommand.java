package dev.reverie.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code reverie providers}: lists the providers on the class path and their key variables. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "List the providers a model can be named with (provider:model).")
public final class ProvidersCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println(ModelSpec.knownProviders());
    return 0;
  }
}
