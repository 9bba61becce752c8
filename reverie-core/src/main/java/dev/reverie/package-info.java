/** Reverie's user API: models, calls, prompts, results and structured objects that stream in. */
package dev.reverie;
