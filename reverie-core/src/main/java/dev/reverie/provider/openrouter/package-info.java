/** OpenRouter, as a dialect of the chat-completions codec. */
package dev.reverie.provider.openrouter;
