/**
 * OpenAI: the chat-completions and Responses APIs ({@link dev.reverie.provider.openai.OpenAi}),
 * chosen per model.
 */
package dev.reverie.provider.openai;
