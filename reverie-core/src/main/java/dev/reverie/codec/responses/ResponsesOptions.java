package dev.reverie.codec.responses;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import java.util.List;
import java.util.Map;

/**
 * Options of the Responses API (OpenAI and Azure OpenAI), passed as {@link #providerData()} keyed
 * {@value #OPTIONS_KEY} (built with {@link #builder()}). Every field is optional (null = not sent).
 *
 * @param reasoningEffort {@code none, minimal, low, medium, high, xhigh} (reasoning models only)
 * @param reasoningSummary {@code auto, concise, detailed}: reasoning summaries come back as
 *     reasoning parts
 * @param include extra output to include, e.g. {@value #ENCRYPTED_REASONING}
 * @param store whether OpenAI stores the response (sent as {@code false} when not set)
 * @param previousResponseId continue from a stored response; needs {@code store(true)} and a prompt
 *     of system and user messages only
 * @param serviceTier {@code auto, default, flex, priority}
 * @param promptCacheKey a key to improve prompt-cache hits
 * @param parallelToolCalls whether the model may call several tools at once
 * @param maxToolCalls the most built-in tool calls in one response
 * @param user an end-user id for abuse monitoring
 * @param safetyIdentifier a stable end-user id for safety
 * @param strictJsonSchema sets {@code strict} on function tools (false when not set)
 * @param instructions a system (developer) message inserted ahead of the input
 * @param metadata string metadata stored with the response
 * @param textVerbosity {@code low, medium, high}
 * @param replayReasoning send reasoning parts of earlier turns back as reasoning items (with their
 *     encrypted content); off unless set, as the reference system never sends them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponsesOptions(
    String reasoningEffort,
    String reasoningSummary,
    List<String> include,
    Boolean store,
    String previousResponseId,
    String serviceTier,
    String promptCacheKey,
    Boolean parallelToolCalls,
    Integer maxToolCalls,
    String user,
    String safetyIdentifier,
    Boolean strictJsonSchema,
    String instructions,
    Map<String, String> metadata,
    String textVerbosity,
    Boolean replayReasoning) {

  /** The key of these options and of Responses metadata, as for OpenAI's chat options. */
  public static final String OPTIONS_KEY = "openai";

  /** The {@code include} value that returns reasoning encrypted, to send back statelessly. */
  public static final String ENCRYPTED_REASONING = "reasoning.encrypted_content";

  public ResponsesOptions {
    include = include == null ? null : List.copyOf(include);
    metadata = metadata == null ? null : Map.copyOf(metadata);
  }

  /** These options keyed {@value #OPTIONS_KEY}, ready for {@code Call.providerOptions}. */
  public ProviderData providerData() {
    return ProviderData.of(OPTIONS_KEY, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResponsesOptions}. */
  public static final class Builder {
    private String reasoningEffort;
    private String reasoningSummary;
    private List<String> include;
    private Boolean store;
    private String previousResponseId;
    private String serviceTier;
    private String promptCacheKey;
    private Boolean parallelToolCalls;
    private Integer maxToolCalls;
    private String user;
    private String safetyIdentifier;
    private Boolean strictJsonSchema;
    private String instructions;
    private Map<String, String> metadata;
    private String textVerbosity;
    private Boolean replayReasoning;

    private Builder() {}

    /** See {@link ResponsesOptions#reasoningEffort()}. */
    public Builder reasoningEffort(String value) {
      reasoningEffort = value;
      return this;
    }

    /** See {@link ResponsesOptions#reasoningSummary()}. */
    public Builder reasoningSummary(String value) {
      reasoningSummary = value;
      return this;
    }

    /** See {@link ResponsesOptions#include()}. */
    public Builder include(List<String> value) {
      include = value;
      return this;
    }

    /** See {@link ResponsesOptions#store()}. */
    public Builder store(Boolean value) {
      store = value;
      return this;
    }

    /** See {@link ResponsesOptions#previousResponseId()}. */
    public Builder previousResponseId(String value) {
      previousResponseId = value;
      return this;
    }

    /** See {@link ResponsesOptions#serviceTier()}. */
    public Builder serviceTier(String value) {
      serviceTier = value;
      return this;
    }

    /** See {@link ResponsesOptions#promptCacheKey()}. */
    public Builder promptCacheKey(String value) {
      promptCacheKey = value;
      return this;
    }

    /** See {@link ResponsesOptions#parallelToolCalls()}. */
    public Builder parallelToolCalls(Boolean value) {
      parallelToolCalls = value;
      return this;
    }

    /** See {@link ResponsesOptions#maxToolCalls()}. */
    public Builder maxToolCalls(Integer value) {
      maxToolCalls = value;
      return this;
    }

    /** See {@link ResponsesOptions#user()}. */
    public Builder user(String value) {
      user = value;
      return this;
    }

    /** See {@link ResponsesOptions#safetyIdentifier()}. */
    public Builder safetyIdentifier(String value) {
      safetyIdentifier = value;
      return this;
    }

    /** See {@link ResponsesOptions#strictJsonSchema()}. */
    public Builder strictJsonSchema(Boolean value) {
      strictJsonSchema = value;
      return this;
    }

    /** See {@link ResponsesOptions#instructions()}. */
    public Builder instructions(String value) {
      instructions = value;
      return this;
    }

    /** See {@link ResponsesOptions#metadata()}. */
    public Builder metadata(Map<String, String> value) {
      metadata = value;
      return this;
    }

    /** See {@link ResponsesOptions#textVerbosity()}. */
    public Builder textVerbosity(String value) {
      textVerbosity = value;
      return this;
    }

    /** See {@link ResponsesOptions#replayReasoning()}. */
    public Builder replayReasoning(Boolean value) {
      replayReasoning = value;
      return this;
    }

    public ResponsesOptions build() {
      return new ResponsesOptions(
          reasoningEffort,
          reasoningSummary,
          include,
          store,
          previousResponseId,
          serviceTier,
          promptCacheKey,
          parallelToolCalls,
          maxToolCalls,
          user,
          safetyIdentifier,
          strictJsonSchema,
          instructions,
          metadata,
          textVerbosity,
          replayReasoning);
    }
  }
}
