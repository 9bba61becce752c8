/**
 * Tools a model can call: what the model sees ({@link dev.reverie.tool.ToolSpec}, {@link
 * dev.reverie.tool.ToolChoice}) and what runs when it calls one ({@link dev.reverie.tool.Tool},
 * typed tools from records via {@link dev.reverie.tool.TypedToolFunction}, {@link
 * dev.reverie.tool.ToolFunction} receiving a {@link dev.reverie.tool.ToolInvocation}, and the
 * {@link dev.reverie.tool.ToolCallRepair} hook for calls the model got wrong).
 */
package dev.reverie.tool;
