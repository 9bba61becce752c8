/** Vercel's AI Gateway, as a dialect of the chat-completions codec. */
package dev.reverie.provider.vercel;
