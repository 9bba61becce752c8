package dev.reverie.stream;

import dev.reverie.CallWarning;
import java.util.List;

/** The stream has begun; carries the warnings about the call. */
public record StreamStart(List<CallWarning> warnings) implements StreamPart {
  public StreamStart {
    warnings = List.copyOf(warnings);
  }
}
