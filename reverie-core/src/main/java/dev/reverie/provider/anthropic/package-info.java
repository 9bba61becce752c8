/**
 * Anthropic's own service: the Messages API at {@code api.anthropic.com} ({@link
 * dev.reverie.provider.anthropic.Anthropic}), its endpoint, key header and beta flags.
 *
 * <p>The wire format itself, with its typed options, prompt caching and provider tools, lives in
 * {@link dev.reverie.codec.anthropic}, shared with the other services that speak it.
 */
package dev.reverie.provider.anthropic;
