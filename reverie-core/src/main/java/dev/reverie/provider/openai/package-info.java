/** OpenAI: the chat-completions API ({@link dev.reverie.provider.openai.OpenAi}). */
package dev.reverie.provider.openai;
