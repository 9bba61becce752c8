/**
 * Running an agent step's tool calls on a bounded pool of threads. Not API: the agent uses it; it
 * may change without notice.
 */
package dev.reverie.internal.tool;
