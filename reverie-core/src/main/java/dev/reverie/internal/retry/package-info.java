/** Retrying failed HTTP exchanges with backoff, as a transport interceptor. */
package dev.reverie.internal.retry;
