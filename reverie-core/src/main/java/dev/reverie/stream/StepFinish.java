package dev.reverie.stream;

import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;

/**
 * An agent step is complete: the model answered and the tools it called have run. Only in agent
 * streams, where it takes the place of the model's own {@link Finish} for the step; the agent
 * stream ends with one {@link Finish} for the whole run.
 *
 * @param stepIndex the step's position in the agent's result, from 0
 * @param usage the tokens of this step's model call
 * @param finishReason why the model stopped in this step
 * @param providerMetadata provider data about this step's answer
 */
public record StepFinish(
    int stepIndex, Usage usage, FinishReason finishReason, ProviderData providerMetadata)
    implements StreamPart {
  public StepFinish {
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
  }
}
