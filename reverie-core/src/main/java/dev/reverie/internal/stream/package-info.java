/** Pull-based stream plumbing shared by providers: SSE events in, stream parts out. */
package dev.reverie.internal.stream;
