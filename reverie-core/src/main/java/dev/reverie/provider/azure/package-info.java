/**
 * Azure OpenAI ({@link dev.reverie.provider.azure.Azure}): OpenAI models on an Azure resource, over
 * chat completions or the Responses API, with OpenAI's options and metadata (keyed {@code openai}).
 */
package dev.reverie.provider.azure;
