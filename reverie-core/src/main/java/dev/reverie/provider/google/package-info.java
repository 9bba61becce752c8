/**
 * The Gemini API ({@code generativelanguage.googleapis.com}, {@link
 * dev.reverie.provider.google.Google}): its endpoint and {@code x-goog-api-key} authentication. The
 * wire format, with its options, lives in {@link dev.reverie.codec.gemini}, shared with Vertex AI.
 */
package dev.reverie.provider.google;
