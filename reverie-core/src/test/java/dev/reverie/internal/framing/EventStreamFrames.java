package dev.reverie.internal.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds AWS event-stream messages for tests (checksums computed as the service does) and loads the
 * recorded Bedrock bodies.
 */
public final class EventStreamFrames {
  private final ByteArrayOutputStream headers = new ByteArrayOutputStream();

  /** A message with {@code :message-type event}, {@code :event-type chunk}, JSON content. */
  public static EventStreamFrames chunk() {
    return new EventStreamFrames()
        .string(":event-type", "chunk")
        .string(":content-type", "application/json")
        .string(":message-type", "event");
  }

  /** A Bedrock chunk carrying one Anthropic event as its base64 {@code bytes}. */
  public static byte[] bedrockChunk(String anthropicEventJson) {
    String bytes =
        Base64.getEncoder().encodeToString(anthropicEventJson.getBytes(StandardCharsets.UTF_8));
    return chunk().payload("{\"bytes\":\"" + bytes + "\",\"p\":\"abcd\"}");
  }

  /** An exception message of {@code type} with {@code {"message": text}}. */
  public static byte[] exception(String type, String text) {
    return new EventStreamFrames()
        .string(":exception-type", type)
        .string(":content-type", "application/json")
        .string(":message-type", "exception")
        .payload("{\"message\":\"" + text + "\"}");
  }

  public EventStreamFrames string(String name, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return header(
        name,
        7,
        ByteBuffer.allocate(2 + bytes.length).putShort((short) bytes.length).put(bytes).array());
  }

  /** A header with a raw value (no length prefix is added). */
  public EventStreamFrames header(String name, int type, byte[] value) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    headers.write(nameBytes.length);
    headers.writeBytes(nameBytes);
    headers.write(type);
    headers.writeBytes(value);
    return this;
  }

  public byte[] payload(String text) {
    return payload(text.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] payload(byte[] payload) {
    byte[] headerBytes = headers.toByteArray();
    int total = 12 + headerBytes.length + payload.length + 4;
    ByteBuffer buffer = ByteBuffer.allocate(total);
    buffer.putInt(total).putInt(headerBytes.length);
    buffer.putInt((int) crc(buffer.array(), 0, 8));
    buffer.put(headerBytes).put(payload);
    buffer.putInt((int) crc(buffer.array(), 0, total - 4));
    return buffer.array();
  }

  static long crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  /** Concatenated messages. */
  public static byte[] concat(byte[]... messages) {
    var out = new ByteArrayOutputStream();
    for (byte[] m : messages) out.writeBytes(m);
    return out.toByteArray();
  }

  /** A stream that hands {@code bytes} out in two reads, split at {@code offset}. */
  public static InputStream splitAt(byte[] bytes, int offset) {
    return new SequenceInputStream(
        Collections.enumeration(
            List.of(
                new java.io.ByteArrayInputStream(Arrays.copyOfRange(bytes, 0, offset)),
                new java.io.ByteArrayInputStream(
                    Arrays.copyOfRange(bytes, offset, bytes.length)))));
  }

  /** The recorded bodies, by name (e.g. {@code TestBedrockBasicAuth/simple_streaming-0}). */
  public static List<String> recordedNames() {
    try (InputStream in = resource("index.txt")) {
      var names = new ArrayList<String>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) names.add(line.strip());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One recorded body, unchanged. */
  public static byte[] recorded(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = EventStreamFrames.class.getResourceAsStream("/bedrock/eventstreams/" + name);
    if (in == null) throw new IllegalArgumentException("no test resource " + name);
    return in;
  }
}
