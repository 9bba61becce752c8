package dev.reverie.internal.http;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.TransportException;
import dev.reverie.transport.HttpResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a whole response body so that interrupting the calling thread aborts the exchange.
 *
 * <p>A blocked read on the JDK client's body stream ignores interrupts; so the read runs on a
 * daemon reader thread while the caller waits interruptibly, and an interrupt closes the response,
 * which ends the read.
 */
public final class InterruptibleBodies {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread t = new Thread(task, "reverie-body-reader-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private InterruptibleBodies() {}

  /**
   * The whole body.
   *
   * @throws CancelledException when the calling thread is interrupted (the response is closed)
   * @throws TransportException when reading fails
   */
  public static byte[] readAll(HttpResponse response, String providerId) {
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return response.body().readAllBytes();
              } catch (IOException e) {
                throw new CompletionException(e);
              }
            },
            READERS);
    try {
      return read.get();
    } catch (InterruptedException e) {
      response.close();
      Thread.currentThread().interrupt();
      throw new CancelledException(providerId + ": interrupted while reading the response", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
      if (cause instanceof ReverieException reverie) throw reverie;
      throw new TransportException(
          providerId + ": reading the response failed: " + cause.getMessage(), cause);
    }
  }
}
