/**
 * The OpenAI chat-completions wire format, shared by OpenAI and every OpenAI-compatible service
 * (Azure, OpenRouter, Vercel's gateway, xAI, Groq, llama.cpp…). Services differ only through a
 * {@link dev.reverie.codec.chat.ChatDialect}.
 */
package dev.reverie.codec.chat;
