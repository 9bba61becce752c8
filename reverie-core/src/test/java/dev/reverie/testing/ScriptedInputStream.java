package dev.reverie.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * An input stream that hands out its bytes in scripted pieces: each read returns at most the rest
 * of the current piece. Optionally fails once the script is exhausted instead of reporting the end,
 * to prove a reader does not read ahead.
 */
public final class ScriptedInputStream extends InputStream {
  private final Deque<byte[]> pieces = new ArrayDeque<>();
  private final boolean failWhenExhausted;
  private byte[] current = new byte[0];
  private int position;
  public int reads;
  public boolean closed;

  private ScriptedInputStream(List<byte[]> pieces, boolean failWhenExhausted) {
    this.pieces.addAll(pieces);
    this.failWhenExhausted = failWhenExhausted;
  }

  /** Pieces split at the given byte offsets of {@code bytes}. */
  public static ScriptedInputStream splitAt(byte[] bytes, int... offsets) {
    var list = new ArrayList<byte[]>();
    int start = 0;
    for (int offset : offsets) {
      list.add(Arrays.copyOfRange(bytes, start, offset));
      start = offset;
    }
    list.add(Arrays.copyOfRange(bytes, start, bytes.length));
    return new ScriptedInputStream(list, false);
  }

  /** Pieces of at most {@code size} bytes each. */
  public static ScriptedInputStream trickle(byte[] bytes, int size) {
    var list = new ArrayList<byte[]>();
    for (int i = 0; i < bytes.length; i += size) {
      list.add(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)));
    }
    return new ScriptedInputStream(list, false);
  }

  /** The given text pieces, then an error on any further read. */
  public static ScriptedInputStream thenFail(String... texts) {
    var list = new ArrayList<byte[]>();
    for (String text : texts) list.add(text.getBytes(StandardCharsets.UTF_8));
    return new ScriptedInputStream(list, true);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) return 0;
    reads++;
    while (position == current.length) {
      if (pieces.isEmpty()) {
        if (failWhenExhausted) throw new AssertionError("read past the scripted input");
        return -1;
      }
      current = pieces.removeFirst();
      position = 0;
    }
    int count = Math.min(length, current.length - position);
    System.arraycopy(current, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public void close() {
    closed = true;
  }
}
