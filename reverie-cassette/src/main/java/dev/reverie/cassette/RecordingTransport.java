package dev.reverie.cassette;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} that forwards requests to a real transport and records each exchange, for
 * writing a new cassette with {@link #save(Path)}.
 *
 * <p>The response body is recorded as the caller reads it, so streaming behaves as without the
 * recorder; a body the caller closes early is recorded as far as it was read. Only the {@code
 * Accept}, {@code Content-Type} and {@code User-Agent} headers are kept, in requests and responses
 * alike, so credentials ({@code Authorization}, {@code x-api-key}, signatures) never reach a
 * cassette. URLs are recorded as {@link RecordedUrl} writes them: exactly, except that the values
 * of query parameters holding keys, tokens or signatures (and any user info) become {@value
 * RecordedUrl#REDACTED}; {@link ReplayTransport} compares URLs in the same form, so the cassette
 * still replays. Failed exchanges (no response) are not recorded. Thread-safe.
 */
public final class RecordingTransport implements Transport {
  /** The only headers written to a cassette, compared case-insensitively. */
  public static final Set<String> KEPT_HEADERS = Set.of("accept", "content-type", "user-agent");

  private final Transport delegate;
  private final List<Recording> recordings = new ArrayList<>();

  /** Records what passes through {@code delegate}. */
  public RecordingTransport(Transport delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    long started = System.nanoTime();
    HttpResponse response = delegate.send(request);
    var recordedRequest =
        new RecordedRequest(
            request.method(),
            RecordedUrl.of(request.uri()),
            keptHeaders(request.headers()),
            request.bodyText());
    Recording recording;
    synchronized (this) {
      recording =
          new Recording(
              recordings.size(),
              recordedRequest,
              response.status(),
              keptHeaders(response.headers()),
              contentLength(response.headers()),
              started);
      recordings.add(recording);
    }
    return new TeeResponse(response, recording);
  }

  /** The exchanges recorded so far, bodies as far as they have been read. */
  public List<Interaction> interactions() {
    List<Recording> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(recordings);
    }
    var interactions = new ArrayList<Interaction>(snapshot.size());
    for (Recording recording : snapshot) interactions.add(recording.toInteraction());
    return List.copyOf(interactions);
  }

  /** The recorded exchanges as a cassette. */
  public Cassette cassette() {
    return Cassette.of(interactions());
  }

  /** Writes the recorded exchanges to {@code path} as a go-vcr version 2 cassette. */
  public void save(Path path) {
    cassette().save(path);
  }

  private static HttpHeaders keptHeaders(HttpHeaders headers) {
    var kept = new LinkedHashMap<String, List<String>>();
    for (Map.Entry<String, List<String>> header : headers.asMap().entrySet()) {
      if (KEPT_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        kept.put(header.getKey(), header.getValue());
      }
    }
    return HttpHeaders.of(kept);
  }

  private static long contentLength(HttpHeaders headers) {
    try {
      return headers.first("Content-Length").map(v -> Long.parseLong(v.trim())).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** One exchange being recorded; its body grows as the caller reads. */
  private static final class Recording {
    private final int id;
    private final RecordedRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final long contentLength;
    private final long started;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long finished = -1;

    Recording(
        int id,
        RecordedRequest request,
        int status,
        HttpHeaders headers,
        long contentLength,
        long started) {
      this.id = id;
      this.request = request;
      this.status = status;
      this.headers = headers;
      this.contentLength = contentLength;
      this.started = started;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
      body.write(bytes, offset, length);
    }

    synchronized void finish() {
      if (finished < 0) finished = System.nanoTime();
    }

    synchronized Interaction toInteraction() {
      long end = finished < 0 ? System.nanoTime() : finished;
      return new Interaction(
          id,
          request,
          new RecordedResponse(
              status,
              HttpStatusText.statusLine(status),
              headers,
              body.toByteArray(),
              contentLength,
              GoDuration.format(Duration.ofNanos(end - started))));
    }
  }

  /** The real response with a body that copies what the caller reads into the recording. */
  private static final class TeeResponse implements HttpResponse {
    private final HttpResponse response;
    private final TeeBody body;

    TeeResponse(HttpResponse response, Recording recording) {
      this.response = response;
      this.body = new TeeBody(response.body(), recording);
    }

    @Override
    public int status() {
      return response.status();
    }

    @Override
    public HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() {
      body.recording.finish();
      response.close();
    }
  }

  private static final class TeeBody extends InputStream {
    private final InputStream delegate;
    private final Recording recording;
    private final AtomicBoolean closed = new AtomicBoolean();

    TeeBody(InputStream delegate, Recording recording) {
      this.delegate = delegate;
      this.recording = recording;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b < 0) {
        recording.finish();
      } else {
        recording.append(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      int count = delegate.read(target, offset, length);
      if (count < 0) {
        recording.finish();
      } else {
        recording.append(target, offset, count);
      }
      return count;
    }

    @Override
    public int available() throws IOException {
      return delegate.available();
    }

    @Override
    public void close() throws IOException {
      if (!closed.compareAndSet(false, true)) return;
      recording.finish();
      delegate.close();
    }
  }
}
