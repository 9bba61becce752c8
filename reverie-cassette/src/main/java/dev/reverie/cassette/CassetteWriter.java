package dev.reverie.cassette;

import dev.reverie.transport.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes interactions as go-vcr version 2 YAML in the recorder's layout: a leading {@code ---},
 * 2-space indentation, compact sequences, fields in the recorder's order, header names sorted.
 *
 * <p>Multi-line text (SSE bodies, pretty JSON) becomes a literal block with the chomping that keeps
 * it byte-exact; one-line text is plain when that is unambiguous and single-quoted otherwise; text
 * YAML cannot show literally is double-quoted with escapes; bodies that are not valid UTF-8 are
 * written as {@code !!binary}.
 */
final class CassetteWriter {
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z0-9_/][A-Za-z0-9 _./:%?=&,;()+@~*!-]*");
  private static final Pattern NOT_A_STRING_IN_OTHER_SCHEMAS =
      Pattern.compile(
          "(?i)true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)"
              + "([eE][-+]?[0-9]+)?|0x[0-9a-f_]+|0o?[0-7_]+|[0-9]+(:[0-5]?[0-9])+|"
              + "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
  private static final int BASE64_LINE = 70;

  private final StringBuilder out = new StringBuilder();

  private CassetteWriter() {}

  static String write(List<Interaction> interactions) {
    var writer = new CassetteWriter();
    writer.document(interactions);
    return writer.out.toString();
  }

  private void document(List<Interaction> interactions) {
    out.append("---\nversion: 2\n");
    if (interactions.isEmpty()) {
      out.append("interactions: []\n");
      return;
    }
    out.append("interactions:\n");
    for (Interaction interaction : interactions) {
      out.append("- id: ").append(interaction.id()).append('\n');
      request(interaction.request());
      response(interaction.response());
    }
  }

  private void request(RecordedRequest request) {
    out.append("  request:\n");
    line(4, "proto", "HTTP/1.1");
    number(4, "proto_major", 1);
    number(4, "proto_minor", 1);
    number(4, "content_length", request.body().getBytes(StandardCharsets.UTF_8).length);
    line(4, "host", "");
    line(4, "body", request.body());
    headers(4, request.headers());
    line(4, "url", request.url());
    line(4, "method", request.method());
  }

  private void response(RecordedResponse response) {
    out.append("  response:\n");
    line(4, "proto", "HTTP/1.1");
    number(4, "proto_major", 1);
    number(4, "proto_minor", 1);
    number(4, "content_length", response.contentLength());
    byte[] body = response.body();
    String text = strictUtf8(body);
    if (text == null) {
      binary(4, "body", body);
    } else {
      line(4, "body", text);
    }
    headers(4, response.headers());
    line(4, "status", response.status());
    number(4, "code", response.code());
    if (!response.duration().isEmpty()) line(4, "duration", response.duration());
  }

  private void headers(int indent, HttpHeaders headers) {
    indent(indent).append("headers:");
    if (headers.isEmpty()) {
      out.append(" {}\n");
      return;
    }
    out.append('\n');
    Map<String, List<String>> sorted = new TreeMap<>(headers.asMap());
    for (Map.Entry<String, List<String>> header : sorted.entrySet()) {
      indent(indent + 2).append(oneLine(header.getKey())).append(":");
      if (header.getValue().isEmpty()) {
        out.append(" []\n");
        continue;
      }
      out.append('\n');
      for (String value : header.getValue()) {
        indent(indent + 2).append("- ");
        scalar(indent + 4, value);
      }
    }
  }

  private void number(int indent, String key, long value) {
    indent(indent).append(key).append(": ").append(value).append('\n');
  }

  private void line(int indent, String key, String value) {
    indent(indent).append(key).append(": ");
    scalar(indent + 2, value);
  }

  private void binary(int indent, String key, byte[] value) {
    indent(indent).append(key).append(": !!binary |\n");
    String encoded = Base64.getEncoder().encodeToString(value);
    for (int i = 0; i < encoded.length(); i += BASE64_LINE) {
      indent(indent + 2)
          .append(encoded, i, Math.min(encoded.length(), i + BASE64_LINE))
          .append('\n');
    }
  }

  /** Writes {@code value} after a {@code key: } or {@code - } prefix, ending the line(s). */
  private void scalar(int blockIndent, String value) {
    if (value.indexOf('\n') >= 0 && literalBlockCanHold(value)) {
      literalBlock(blockIndent, value);
    } else {
      out.append(oneLine(value)).append('\n');
    }
  }

  private static String oneLine(String value) {
    if (value.isEmpty()) return "\"\"";
    if (isPlainSafe(value)) return value;
    if (value.codePoints().allMatch(CassetteWriter::isPrintable)) {
      return "'" + value.replace("'", "''") + "'";
    }
    return doubleQuoted(value);
  }

  private static boolean isPlainSafe(String value) {
    return PLAIN.matcher(value).matches()
        && !value.endsWith(" ")
        && !value.endsWith(":")
        && !value.contains(": ")
        && !value.contains(" #")
        && value.chars().anyMatch(Character::isLetter)
        && !NOT_A_STRING_IN_OTHER_SCHEMAS.matcher(value).matches();
  }

  private void literalBlock(int blockIndent, String value) {
    int trailingNewlines = 0;
    while (trailingNewlines < value.length()
        && value.charAt(value.length() - 1 - trailingNewlines) == '\n') {
      trailingNewlines++;
    }
    out.append('|');
    // An explicit indentation is needed when the first non-empty line starts with a space,
    // because the parser would otherwise take that space as indentation.
    String firstContent = value.substring(0, value.length() - trailingNewlines);
    int firstNonEmpty = 0;
    while (firstNonEmpty < firstContent.length() && firstContent.charAt(firstNonEmpty) == '\n') {
      firstNonEmpty++;
    }
    if (firstNonEmpty < firstContent.length() && firstContent.charAt(firstNonEmpty) == ' ') {
      out.append(2);
    }
    out.append(trailingNewlines == 0 ? "-" : trailingNewlines == 1 ? "" : "+").append('\n');
    String[] lines = value.split("\n", -1);
    int count = trailingNewlines == 0 ? lines.length : lines.length - 1;
    for (int i = 0; i < count; i++) {
      if (!lines[i].isEmpty()) indent(blockIndent).append(lines[i]);
      out.append('\n');
    }
  }

  private static boolean literalBlockCanHold(String value) {
    boolean hasContent = false;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') continue;
      if (!isPrintable(c)) return false;
      hasContent = true;
    }
    // A block of only line breaks reads back ambiguously; quote it instead.
    return hasContent;
  }

  /** YAML printable, minus characters some parsers treat as line breaks or byte-order marks. */
  private static boolean isPrintable(int codePoint) {
    return codePoint == '\t'
        || (codePoint >= 0x20 && codePoint <= 0x7E)
        || (codePoint >= 0xA0 && codePoint <= 0xD7FF && codePoint != 0x2028 && codePoint != 0x2029)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD && codePoint != 0xFEFF)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
  }

  private static String doubleQuoted(String value) {
    var quoted = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        quoted.append(c).append(value.charAt(++i));
        continue;
      }
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\0' -> quoted.append("\\0");
        default -> {
          if (isPrintable(c)) {
            quoted.append(c);
          } else {
            quoted.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private StringBuilder indent(int spaces) {
    for (int i = 0; i < spaces; i++) out.append(' ');
    return out;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
