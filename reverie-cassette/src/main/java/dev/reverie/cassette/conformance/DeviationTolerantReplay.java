package dev.reverie.cassette.conformance;

import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.Interaction;
import dev.reverie.cassette.RecordedUrl;
import dev.reverie.cassette.ReplayTransport;
import dev.reverie.cassette.RequestCheck;
import dev.reverie.cassette.RequestMatcher;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A replay of a cassette that also answers a request whose body differs from the recording, so that
 * the scenario's verdict and the requests' identity are judged separately (SCENARIOS.md, step 4).
 *
 * <p>A request that an unused interaction matches under the recorder's rules is answered by the
 * {@link ReplayTransport} as usual. Otherwise, when the next unused interaction has the request's
 * method and URL, it answers anyway and the difference is kept: Reverie may deliberately send
 * something else (documented in {@code docs/conformance-deviations.md}) and still reach the
 * recorded verdict. A request to another method or URL fails as in strict replay. Thread-safe.
 */
final class DeviationTolerantReplay implements Transport {
  private final Cassette cassette;
  private final ReplayTransport replay;
  private final List<RequestCheck> checks = new ArrayList<>();

  DeviationTolerantReplay(Cassette cassette) {
    this.cassette = Objects.requireNonNull(cassette, "cassette");
    this.replay = new ReplayTransport(cassette);
  }

  @Override
  public synchronized HttpResponse send(HttpRequest request) {
    List<Interaction> unused = replay.unusedInteractions();
    boolean anyMatches = unused.stream().anyMatch(i -> RequestMatcher.check(i, request).matched());
    if (!anyMatches && !unused.isEmpty() && sameTarget(unused.get(0), request)) {
      Interaction next = unused.get(0);
      checks.add(RequestMatcher.check(next, request));
      // The recorded body makes the strict replay answer with exactly this interaction.
      byte[] recordedBody = next.request().body().getBytes(StandardCharsets.UTF_8);
      return replay.send(
          new HttpRequest(request.method(), request.uri(), request.headers(), recordedBody));
    }
    int checked = replay.checks().size();
    try {
      return replay.send(request);
    } finally {
      List<RequestCheck> replayChecks = replay.checks();
      checks.addAll(replayChecks.subList(checked, replayChecks.size()));
    }
  }

  /** How many requests the cassette records. */
  int recordedRequests() {
    return cassette.interactions().size();
  }

  /** The first recorded request's URL. */
  URI firstRequestUrl() {
    return URI.create(cassette.interactions().get(0).request().url());
  }

  /** The first recorded request's body. */
  String firstRequestBody() {
    return cassette.interactions().get(0).request().body();
  }

  /** How many recorded interactions have answered a request. */
  synchronized int usedRequests() {
    return recordedRequests() - replay.unusedInteractions().size();
  }

  /** How many requests were answered by an interaction whose recorded body they equal. */
  synchronized int identicalRequests() {
    return (int) checks.stream().filter(RequestCheck::matched).count();
  }

  /**
   * The first request that was not identical, as {@code request N: <difference>}; empty when all
   * were.
   */
  synchronized String firstDifference() {
    for (int i = 0; i < checks.size(); i++) {
      RequestCheck check = checks.get(i);
      if (!check.matched()) return "request " + (i + 1) + ": " + check.difference();
    }
    return "";
  }

  private static boolean sameTarget(Interaction interaction, HttpRequest request) {
    return interaction.request().method().equals(request.method())
        && RecordedUrl.redact(interaction.request().url()).equals(RecordedUrl.of(request.uri()));
  }
}
