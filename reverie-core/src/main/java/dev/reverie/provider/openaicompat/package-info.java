/** Any OpenAI-compatible {@code /chat/completions} server, as a dialect of the chat codec. */
package dev.reverie.provider.openaicompat;
