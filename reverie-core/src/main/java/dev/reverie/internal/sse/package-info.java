/**
 * Server-sent events: a lazy, bounded reader for {@code text/event-stream} response bodies that
 * follows the WHATWG parsing rules. Used by every provider that streams over SSE.
 */
package dev.reverie.internal.sse;
