package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.Usage;

/** OpenAI's {@code usage} object, read into {@link Usage}'s provider-independent meaning. */
public final class ChatUsage {
  private ChatUsage() {}

  /** Reads a usage object into {@link Usage}'s provider-independent meaning. */
  public static Usage read(JsonNode usage) {
    if (usage == null || !usage.isObject()) return Usage.ZERO;
    long prompt = usage.path("prompt_tokens").asLong(0);
    long completion = usage.path("completion_tokens").asLong(0);
    long total =
        usage.has("total_tokens") ? usage.path("total_tokens").asLong() : prompt + completion;
    long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
    long reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0);
    long cacheWrite = usage.path("prompt_tokens_details").path("cache_write_tokens").asLong(0);
    // prompt_tokens counts cached and cache-written tokens too; Usage keeps them apart.
    return new Usage(
        Math.max(0, prompt - cached - cacheWrite),
        completion,
        total,
        reasoning,
        cacheWrite,
        cached);
  }
}
