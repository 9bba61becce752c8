package dev.reverie.cassette;

import dev.reverie.transport.HttpHeaders;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.json.ConstructYamlBinary;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Parses go-vcr version 2 YAML into interactions.
 *
 * <p>The failsafe schema makes every plain scalar a string, so header values, bodies and URLs come
 * back exactly as written (no {@code 1.0} turning into a number); integers are parsed here where
 * the format expects them. {@code !!binary} scalars become bytes.
 */
final class CassetteReader {
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private final String source;

  private CassetteReader(String source) {
    this.source = source;
  }

  static List<Interaction> read(InputStream in, String source) {
    return new CassetteReader(source).read(in);
  }

  private List<Interaction> read(InputStream in) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setSchema(new FailsafeSchema())
            .setTagConstructors(Map.of(Tag.BINARY, new ConstructYamlBinary()))
            .setCodePointLimit(MAX_CODE_POINTS)
            .setAllowDuplicateKeys(false)
            .build();
    Object document;
    try {
      document = new Load(settings).loadFromInputStream(in);
    } catch (YamlEngineException e) {
      throw new CassetteException(
          "cassette " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    Map<?, ?> root = map(document, "the document");
    Object version = root.get("version");
    if (version == null) {
      throw new CassetteException("cassette " + source + " has no format version; expected 2");
    }
    if (!"2".equals(String.valueOf(version).trim())) {
      throw new CassetteException(
          "cassette "
              + source
              + " has format version "
              + version
              + "; only version 2 (go-vcr v2) is supported");
    }
    Object listed = root.get("interactions");
    if (listed == null) return List.of();
    if (!(listed instanceof List<?> items)) throw malformed("interactions", "a list", listed);
    var interactions = new ArrayList<Interaction>(items.size());
    for (int i = 0; i < items.size(); i++) {
      interactions.add(interaction(items.get(i), "interactions[" + i + "]", i));
    }
    return List.copyOf(interactions);
  }

  private Interaction interaction(Object value, String path, int index) {
    Map<?, ?> fields = map(value, path);
    Object id = fields.get("id");
    int number = id == null ? index : (int) integer(id, path + ".id");
    return new Interaction(
        number,
        request(map(required(fields, "request", path), path + ".request"), path + ".request"),
        response(map(required(fields, "response", path), path + ".response"), path + ".response"));
  }

  private RecordedRequest request(Map<?, ?> fields, String path) {
    return new RecordedRequest(
        string(required(fields, "method", path), path + ".method"),
        string(required(fields, "url", path), path + ".url"),
        headers(fields.get("headers"), path + ".headers"),
        text(fields.get("body"), path + ".body"));
  }

  private RecordedResponse response(Map<?, ?> fields, String path) {
    int code = (int) integer(required(fields, "code", path), path + ".code");
    Object status = fields.get("status");
    Object length = fields.get("content_length");
    Object duration = fields.get("duration");
    return new RecordedResponse(
        code,
        status == null ? HttpStatusText.statusLine(code) : string(status, path + ".status"),
        headers(fields.get("headers"), path + ".headers"),
        bytes(fields.get("body"), path + ".body"),
        length == null ? -1 : integer(length, path + ".content_length"),
        duration == null ? "" : string(duration, path + ".duration"));
  }

  private HttpHeaders headers(Object value, String path) {
    if (value == null || "".equals(value)) return HttpHeaders.EMPTY;
    var headers = new LinkedHashMap<String, List<String>>();
    for (Map.Entry<?, ?> entry : map(value, path).entrySet()) {
      String name = string(entry.getKey(), path);
      Object values = entry.getValue();
      var list = new ArrayList<String>();
      if (values instanceof List<?> items) {
        for (Object item : items) list.add(string(item, path + "." + name));
      } else if (values != null) {
        list.add(string(values, path + "." + name));
      }
      headers.put(name, list);
    }
    return HttpHeaders.of(headers);
  }

  private Object required(Map<?, ?> fields, String key, String path) {
    Object value = fields.get(key);
    if (value == null) {
      throw new CassetteException("cassette " + source + ": " + path + "." + key + " is missing");
    }
    return value;
  }

  private Map<?, ?> map(Object value, String path) {
    if (value instanceof Map<?, ?> map) return map;
    throw malformed(path, "a mapping", value);
  }

  private String string(Object value, String path) {
    if (value instanceof String text) return text;
    throw malformed(path, "a string", value);
  }

  private String text(Object value, String path) {
    if (value == null) return "";
    if (value instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
    return string(value, path);
  }

  private byte[] bytes(Object value, String path) {
    if (value == null) return new byte[0];
    if (value instanceof byte[] bytes) return bytes;
    return string(value, path).getBytes(StandardCharsets.UTF_8);
  }

  private long integer(Object value, String path) {
    if (value instanceof String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw malformed(path, "an integer", value);
  }

  private CassetteException malformed(String path, String expected, Object value) {
    String found;
    if (value == null) {
      found = "nothing";
    } else if (value instanceof Map) {
      found = "a mapping";
    } else if (value instanceof List) {
      found = "a list";
    } else if (value instanceof byte[]) {
      found = "binary";
    } else {
      found = "'" + abbreviate(value) + "'";
    }
    return new CassetteException(
        "cassette " + source + ": " + path + " should be " + expected + " but is " + found);
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
