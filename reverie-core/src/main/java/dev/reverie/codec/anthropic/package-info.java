/**
 * The Anthropic Messages wire format, shared by every service that speaks it (Anthropic directly,
 * Bedrock in {@code reverie-aws}, later Vertex): request encoding, response and event decoding,
 * error bodies, and the format's public option types ({@link
 * dev.reverie.codec.anthropic.AnthropicOptions}, {@link
 * dev.reverie.codec.anthropic.AnthropicCaching}, {@link
 * dev.reverie.codec.anthropic.AnthropicTools}).
 *
 * <p>The encoder and decoders are free of HTTP concerns: a service posts the body where its API
 * wants it and adapts it first when it must (Bedrock and Vertex drop {@code model} and add {@code
 * anthropic_version}).
 */
package dev.reverie.codec.anthropic;
