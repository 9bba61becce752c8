/**
 * Recovery of malformed JSON written by language models: the built-in {@link
 * dev.reverie.repair.JsonRepair} and the user-supplied {@link dev.reverie.repair.RepairHook}.
 */
package dev.reverie.repair;
