/** Conversation messages and the sealed parts they are made of, shared by input and output. */
package dev.reverie.message;
