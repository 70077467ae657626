package com.flashsale.ingest.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Resumes a suspended request once the broker has acknowledged its event, or with
 * {@code 503 BROKER_UNAVAILABLE} and {@code Retry-After} when the send fails or the acknowledgement
 * does not arrive within the send timeout. No request thread waits meanwhile. A 503 does not
 * prove that nothing was written: an acknowledgement may still arrive after the timeout. The
 * client's retry carries the same {@code clientRequestId}, so it maps to the same order and the
 * stream processor drops the duplicate.
 */
public final class AcknowledgedResponder {

    private final Duration timeout;
    private final long retryAfterSeconds;
    private final Executor executor;

    /**
     * @param executor runs the resume, because the acknowledgement arrives on the Kafka client's I/O
     *                 thread, which must not write HTTP responses
     */
    public AcknowledgedResponder(Duration timeout, long retryAfterSeconds, Executor executor) {
        this.timeout = timeout;
        this.retryAfterSeconds = retryAfterSeconds;
        this.executor = executor;
    }

    /**
     * Starts the send and resumes {@code async} when its acknowledgement completes or the timeout
     * passes, whichever comes first.
     *
     * @param send          starts the send and returns its acknowledgement
     * @param accepted      builds the success response
     * @param failureLogger logs a failed or timed-out send with the ids of the request
     */
    public void resumeAfter(AsyncResponse async, Supplier<CompletionStage<Void>> send,
                            Supplier<Response> accepted, Consumer<Throwable> failureLogger) {
        async.setTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        async.setTimeoutHandler(timedOut -> {
            String message = "timed out waiting for the acknowledgement after " + timeout.toMillis() + " ms";
            failureLogger.accept(new TimeoutException(message));
            timedOut.resume(brokerUnavailable());
        });

        send.get().whenCompleteAsync((ignored, error) -> {
            if (error == null) {
                async.resume(accepted.get());
            } else if (!async.isDone()) {
                failureLogger.accept(unwrap(error));
                async.resume(brokerUnavailable());
            }
        }, executor);
    }

    private ApiException brokerUnavailable() {
        return ApiException.retryAfter(ErrorCode.BROKER_UNAVAILABLE, retryAfterSeconds);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
