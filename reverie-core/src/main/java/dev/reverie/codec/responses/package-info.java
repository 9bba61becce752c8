/**
 * The OpenAI Responses wire format ({@code POST /responses}): request items, output items and every
 * streaming event, shared by the services that speak it (OpenAI and Azure OpenAI). Options and
 * metadata are keyed {@code openai} ({@link dev.reverie.codec.responses.ResponsesOptions}).
 */
package dev.reverie.codec.responses;
