/**
 * Anthropic: the Messages API ({@link dev.reverie.provider.anthropic.Anthropic}), its typed
 * options, prompt caching and provider tools (web search, computer use).
 *
 * <p>The wire codec ({@link dev.reverie.provider.anthropic.AnthropicRequestEncoder}, {@link
 * dev.reverie.provider.anthropic.AnthropicResponseDecoder}, {@link
 * dev.reverie.provider.anthropic.AnthropicStreamDecoder}) is public and free of HTTP concerns so
 * that the same request and response format can be reused behind other endpoints (Bedrock, Vertex).
 */
package dev.reverie.provider.anthropic;
