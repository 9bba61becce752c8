package dev.reverie.cassette;

import dev.reverie.error.CancelledException;
import dev.reverie.error.TransportException;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.RedactedUri;
import dev.reverie.transport.Transport;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Transport} that answers every request from a cassette instead of the network, with the
 * reference recorder's rules: interactions are scanned in file order and the first unused one that
 * {@linkplain RequestMatcher matches} answers the request and is used up.
 *
 * <p>A request that matches nothing fails with a non-retryable {@link TransportException} whose
 * message gives the first difference against the next unused interaction. Every request and its
 * {@link RequestCheck} are kept, so a test or the conformance runner can report how many requests
 * were identical to the recording and whether every interaction was used.
 *
 * <p>Response bodies are handed out at most {@code chunkBytes} bytes per read, so providers read
 * them as a real streamed body. Status and headers are the recorded ones. Thread-safe.
 */
public final class ReplayTransport implements Transport {
  /** The default largest number of body bytes one read returns. */
  public static final int DEFAULT_CHUNK_BYTES = 64;

  private final Cassette cassette;
  private final int chunkBytes;
  private final boolean[] used;
  private final List<HttpRequest> requests = new ArrayList<>();
  private final List<RequestCheck> checks = new ArrayList<>();

  /** Replays {@code cassette} with {@value #DEFAULT_CHUNK_BYTES}-byte body reads. */
  public ReplayTransport(Cassette cassette) {
    this(cassette, DEFAULT_CHUNK_BYTES);
  }

  /** Replays {@code cassette}, returning at most {@code chunkBytes} body bytes per read. */
  public ReplayTransport(Cassette cassette, int chunkBytes) {
    this.cassette = Objects.requireNonNull(cassette, "cassette");
    if (chunkBytes <= 0) {
      throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
    }
    this.chunkBytes = chunkBytes;
    this.used = new boolean[cassette.interactions().size()];
  }

  /** Replays the cassette file at {@code path}. */
  public static ReplayTransport load(Path path) {
    return new ReplayTransport(Cassette.load(path));
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException(
          request.method() + " " + RedactedUri.render(request.uri()) + " was interrupted");
    }
    Interaction answer;
    RequestCheck check;
    synchronized (this) {
      requests.add(request);
      List<Interaction> interactions = cassette.interactions();
      RequestCheck firstMismatch = null;
      answer = null;
      check = null;
      for (int i = 0; i < interactions.size() && answer == null; i++) {
        if (used[i]) continue;
        RequestCheck candidate = RequestMatcher.check(interactions.get(i), request);
        if (candidate.matched()) {
          used[i] = true;
          answer = interactions.get(i);
          check = candidate;
        } else if (firstMismatch == null) {
          firstMismatch = candidate;
        }
      }
      if (answer == null) {
        check =
            firstMismatch != null
                ? firstMismatch
                : new RequestCheck(
                    -1,
                    request.method(),
                    RedactedUri.render(request.uri()),
                    MatchOutcome.MISMATCH,
                    "every one of the "
                        + interactions.size()
                        + " recorded interactions was already used");
      }
      checks.add(check);
    }
    if (answer == null) {
      String against =
          check.interactionId() >= 0 ? "; next unused interaction " + check.interactionId() : "";
      throw new TransportException(
          "no recorded interaction matches "
              + check.method()
              + " "
              + check.url()
              + " in cassette "
              + cassette.source()
              + against
              + ": "
              + check.difference(),
          null,
          false);
    }
    return new ReplayedResponse(answer.response(), chunkBytes);
  }

  /** The cassette being replayed. */
  public Cassette cassette() {
    return cassette;
  }

  /** Every request received so far, in order, matched or not. */
  public synchronized List<HttpRequest> requests() {
    return List.copyOf(requests);
  }

  /** One check per request received, in order: what it was compared with and how it compared. */
  public synchronized List<RequestCheck> checks() {
    return List.copyOf(checks);
  }

  /** Whether every interaction of the cassette has answered a request. */
  public synchronized boolean allUsed() {
    for (boolean u : used) if (!u) return false;
    return true;
  }

  /** The interactions that have not answered a request yet, in file order. */
  public synchronized List<Interaction> unusedInteractions() {
    var unused = new ArrayList<Interaction>();
    for (int i = 0; i < used.length; i++) {
      if (!used[i]) unused.add(cassette.interactions().get(i));
    }
    return List.copyOf(unused);
  }

  @Override
  public synchronized String toString() {
    return "ReplayTransport["
        + cassette.source()
        + ", "
        + (used.length - unusedInteractions().size())
        + "/"
        + used.length
        + " used]";
  }

  /** A recorded response with its body handed out in chunks. */
  private static final class ReplayedResponse implements HttpResponse {
    private final RecordedResponse recorded;
    private final ChunkedBodyStream body;

    ReplayedResponse(RecordedResponse recorded, int chunkBytes) {
      this.recorded = recorded;
      this.body = new ChunkedBodyStream(recorded.body(), chunkBytes);
    }

    @Override
    public int status() {
      return recorded.code();
    }

    @Override
    public HttpHeaders headers() {
      return recorded.headers();
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() {
      body.close();
    }

    @Override
    public String toString() {
      return "HttpResponse[" + recorded.code() + ", headers=" + recorded.headers() + "]";
    }
  }
}
