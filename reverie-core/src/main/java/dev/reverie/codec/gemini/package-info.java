/**
 * The Gemini {@code generateContent} wire format, shared by every service that speaks it (the
 * Gemini API and Vertex AI): request encoding ({@link
 * dev.reverie.codec.gemini.GeminiRequestEncoder}, with tool schemas in Gemini's dialect), response
 * and stream decoding, error bodies, the model that posts them ({@link
 * dev.reverie.codec.gemini.GeminiModel}), and the format's public options ({@link
 * dev.reverie.codec.gemini.GeminiOptions}, under the key {@code google}).
 *
 * <p>Thought signatures travel on reasoning parts as {@code google.signature} (with {@code tool_id}
 * when they came on a function call) and go back as {@code thoughtSignature} on the next text or
 * function-call part of the same turn. Function calls without an id get one from the model's
 * counter ({@code "1"}, {@code "2"}, …).
 */
package dev.reverie.codec.gemini;
