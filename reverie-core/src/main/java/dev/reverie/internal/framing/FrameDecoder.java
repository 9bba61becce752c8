package dev.reverie.internal.framing;

import dev.reverie.error.ReverieException;
import dev.reverie.stream.StreamPart;
import java.util.function.Consumer;

/**
 * A wire codec's stateful decoder of one stream's frames into stream parts.
 *
 * @param <F> the frame type its {@link FrameReader} produces
 */
public interface FrameDecoder<F> {
  /**
   * Decodes one frame into zero or more parts. The frame is valid only during this call (readers
   * reuse frames and their buffers): keep what is needed, not the frame.
   */
  void onFrame(F frame, Consumer<StreamPart> out);

  /** The body ended: emit the terminal part (a finish, or an error if the stream was cut short). */
  void onEnd(Consumer<StreamPart> out);

  /** Emit a terminal error part. */
  void onFailure(ReverieException error, Consumer<StreamPart> out);

  /** Whether a terminal part was emitted. */
  boolean isDone();
}
