package dev.reverie.cassette;

import java.util.Objects;

/**
 * One recorded HTTP exchange of a cassette.
 *
 * @param id the interaction's id in the cassette, 0-based in file order
 * @param request what was sent
 * @param response what came back
 */
public record Interaction(int id, RecordedRequest request, RecordedResponse response) {
  public Interaction {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(response, "response");
  }
}
