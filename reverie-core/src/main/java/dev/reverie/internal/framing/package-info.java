/**
 * Stream framing, separate from event decoding: a {@link dev.reverie.internal.framing.FrameReader}
 * cuts a response body into frames (SSE events in {@code internal.sse}, NDJSON lines, AWS
 * event-stream messages), a {@link dev.reverie.internal.framing.FrameDecoder} of a wire codec turns
 * frames into stream parts, and {@link dev.reverie.internal.framing.FramedPartStream} pulls the two
 * together as the consumer reads.
 */
package dev.reverie.internal.framing;
