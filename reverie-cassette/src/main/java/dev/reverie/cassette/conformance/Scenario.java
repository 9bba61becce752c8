package dev.reverie.cassette.conformance;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The standard scenarios a cassette can record, each named as its file is (REFERENCE.md §3.2).
 *
 * <p>Most scenarios are told by the file name alone; image-upload and web-search recordings are
 * named after their pair or mode ({@code gemini-2.5-pro.yaml}, {@code generate.yaml}) and are told
 * by their folder.
 */
public enum Scenario {
  SIMPLE("simple", false),
  SIMPLE_STREAMING("simple_streaming", true),
  TOOL("tool", false),
  TOOL_STREAMING("tool_streaming", true),
  MULTI_TOOL("multi_tool", false),
  MULTI_TOOL_STREAMING("multi_tool_streaming", true),
  THINKING("thinking", false),
  THINKING_STREAMING("thinking-streaming", true),
  SIMPLE_OBJECT("simple_object", false),
  SIMPLE_OBJECT_STREAMING("simple_object_streaming", true),
  COMPLEX_OBJECT("complex_object", false),
  COMPLEX_OBJECT_STREAMING("complex_object_streaming", true),
  COMPUTER_USE("computer_use", false),
  COMPUTER_USE_STREAMING("computer_use_streaming", true),
  /** Told by its folder ({@code TestImageUploadAgent*}); the file is named after the pair. */
  IMAGE_UPLOAD("", false),
  IMAGE_UPLOAD_STREAMING("", true),
  /** Told by its folder ({@code Test*WebSearch}); the file is {@code generate.yaml}. */
  WEB_SEARCH("", false),
  /** Told by its folder ({@code Test*WebSearch}); the file is {@code stream.yaml}. */
  WEB_SEARCH_STREAMING("", true);

  private static final String YAML = ".yaml";
  private static final String IMAGE_UPLOAD_SUITE = "TestImageUploadAgent";

  // The file name without .yaml, or empty for scenarios told by their folder.
  private final String fileName;
  private final boolean streaming;

  Scenario(String fileName, boolean streaming) {
    this.fileName = fileName;
    this.streaming = streaming;
  }

  /** Whether the scenario streams the model's answer. */
  public boolean isStreaming() {
    return streaming;
  }

  /**
   * The scenario a cassette records, from its file name and the names of its folders.
   *
   * @param cassette the cassette's path; only its last few names are looked at
   * @return empty when the file is no known scenario
   */
  public static Optional<Scenario> of(Path cassette) {
    String fileName = cassette.getFileName().toString();
    if (!fileName.endsWith(YAML)) return Optional.empty();
    String name = fileName.substring(0, fileName.length() - YAML.length());
    String suite = SuiteSettings.suiteOf(cassette).orElse("");

    if (suite.startsWith(IMAGE_UPLOAD_SUITE)) {
      boolean streaming = name.endsWith("-stream") || suite.contains("Streaming");
      return Optional.of(streaming ? IMAGE_UPLOAD_STREAMING : IMAGE_UPLOAD);
    }
    if (suite.startsWith("Test") && suite.endsWith("WebSearch")) {
      return switch (name) {
        case "generate" -> Optional.of(WEB_SEARCH);
        case "stream" -> Optional.of(WEB_SEARCH_STREAMING);
        default -> Optional.empty();
      };
    }
    for (Scenario scenario : values()) {
      if (!scenario.fileName.isEmpty() && scenario.fileName.equals(name)) {
        return Optional.of(scenario);
      }
    }
    return Optional.empty();
  }
}
