/**
 * Conversations stored as JSON and read back: {@link dev.reverie.conversation.ConversationJson}
 * writes and reads prompts, messages, parts, tool specs, responses, agent steps and agent results
 * in a documented, versioned format ({@code docs/conversation-format.md}) that keeps provider data
 * exactly, so a stored conversation continues with the provider as if it had never been stored.
 */
package dev.reverie.conversation;
