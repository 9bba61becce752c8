package dev.reverie.cassette;

import java.util.Objects;

/**
 * The result of comparing one request with one recorded interaction, as kept by {@link
 * ReplayTransport#checks()} for reports such as "requests identical: X/Y".
 *
 * @param interactionId the id of the interaction compared with: the one that answered the request,
 *     or, when none matched, the first unused one; -1 when every interaction was used
 * @param method the request's method
 * @param url the request's URL with credentials redacted
 * @param outcome how the request compared
 * @param difference for a mismatch, a short description of the first difference (a JSON pointer
 *     with the recorded and the sent value); empty otherwise
 */
public record RequestCheck(
    int interactionId, String method, String url, MatchOutcome outcome, String difference) {
  public RequestCheck {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(outcome, "outcome");
    difference = difference == null ? "" : difference;
  }

  /** Whether a recorded interaction answered the request. */
  public boolean matched() {
    return outcome.matched();
  }
}
