/**
 * Amazon Bedrock: Claude models through the Anthropic Messages codec on Bedrock's invoke API
 * ({@link dev.reverie.provider.bedrock.Bedrock}), with a Bedrock API key or SigV4 signing from the
 * AWS credential chain.
 */
package dev.reverie.provider.bedrock;
