package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One chat-completions request being encoded, as a {@link ChatDialect} sees it: the call, the
 * model, whether it streams, the body built so far (which the dialect may change) and the warnings.
 * Lives for one encoding; not thread-safe.
 */
public final class ChatRequest {
  private final Call call;
  private final String modelId;
  private final boolean stream;
  private final ObjectNode body;
  private final List<CallWarning> warnings = new ArrayList<>();

  ChatRequest(Call call, String modelId, boolean stream, ObjectNode body) {
    this.call = Objects.requireNonNull(call, "call");
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.stream = stream;
    this.body = Objects.requireNonNull(body, "body");
  }

  public Call call() {
    return call;
  }

  public String modelId() {
    return modelId;
  }

  /** Whether the request asks for a stream. */
  public boolean isStream() {
    return stream;
  }

  /** The request body, mutable while the request is encoded. */
  public ObjectNode body() {
    return body;
  }

  /** Reports a setting or content that could not be sent. */
  public void warn(CallWarning warning) {
    warnings.add(Objects.requireNonNull(warning, "warning"));
  }

  List<CallWarning> warnings() {
    return List.copyOf(warnings);
  }
}
