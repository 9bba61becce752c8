package dev.reverie.codec.gemini;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import dev.reverie.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Gemini call options (Gemini API and Vertex AI alike), passed as {@link #providerData()} under
 * {@value GeminiFormat#OPTIONS_KEY}. Every field is optional (null = not sent).
 *
 * @param thinkingConfig how much the model thinks and whether its thoughts are returned
 * @param cachedContent a cached content name ({@code cachedContents/…}) the call builds on
 * @param safetySettings per-category blocking thresholds
 * @param extraBody fields set at the top level of the request body, for features without a typed
 *     option
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeminiOptions(
    ThinkingConfig thinkingConfig,
    String cachedContent,
    List<SafetySetting> safetySettings,
    JsonObject extraBody) {

  public GeminiOptions {
    safetySettings = safetySettings == null ? null : List.copyOf(safetySettings);
  }

  /**
   * Thinking settings. A budget and a level are mutually exclusive (Gemini 2.x takes a budget,
   * Gemini 3 a level); a budget between 1 and 127 is raised to 128, the smallest the API takes,
   * with a warning; 0 (off, where the model allows it) and -1 (dynamic) are sent as they are.
   *
   * @param thinkingBudget thinking tokens, or null
   * @param includeThoughts whether thought summaries come back as reasoning
   * @param thinkingLevel {@code MINIMAL}, {@code LOW}, {@code MEDIUM} or {@code HIGH}, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ThinkingConfig(
      Integer thinkingBudget, Boolean includeThoughts, String thinkingLevel) {}

  /**
   * A safety threshold for one harm category.
   *
   * @param category e.g. {@code HARM_CATEGORY_DANGEROUS_CONTENT}
   * @param threshold e.g. {@code BLOCK_ONLY_HIGH}
   */
  public record SafetySetting(String category, String threshold) {
    public SafetySetting {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(threshold, "threshold");
    }
  }

  /**
   * These options keyed {@value GeminiFormat#OPTIONS_KEY}, ready for {@code Call.providerOptions}.
   */
  public ProviderData providerData() {
    return ProviderData.of(GeminiFormat.OPTIONS_KEY, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GeminiOptions}. */
  public static final class Builder {
    private Integer thinkingBudget;
    private Boolean includeThoughts;
    private String thinkingLevel;
    private String cachedContent;
    private final List<SafetySetting> safetySettings = new ArrayList<>();
    private JsonObject extraBody;

    private Builder() {}

    /** A thinking budget in tokens (Gemini 2.x). */
    public Builder thinkingBudget(int tokens) {
      thinkingBudget = tokens;
      return this;
    }

    /** A thinking level (Gemini 3): {@code MINIMAL}, {@code LOW}, {@code MEDIUM}, {@code HIGH}. */
    public Builder thinkingLevel(String level) {
      thinkingLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /** Whether thought summaries come back as reasoning parts. */
    public Builder includeThoughts(boolean value) {
      includeThoughts = value;
      return this;
    }

    public Builder cachedContent(String name) {
      cachedContent = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder safetySetting(String category, String threshold) {
      safetySettings.add(new SafetySetting(category, threshold));
      return this;
    }

    public Builder extraBody(JsonObject value) {
      extraBody = value;
      return this;
    }

    public GeminiOptions build() {
      ThinkingConfig thinking =
          thinkingBudget == null && includeThoughts == null && thinkingLevel == null
              ? null
              : new ThinkingConfig(thinkingBudget, includeThoughts, thinkingLevel);
      return new GeminiOptions(
          thinking, cachedContent, safetySettings.isEmpty() ? null : safetySettings, extraBody);
    }
  }
}
