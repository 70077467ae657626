package com.flashsale.ingest.resources;

import com.flashsale.common.errors.ApiException;
import com.flashsale.common.errors.ErrorCode;
import com.flashsale.ingest.core.ProducerOverloadedException;
import com.flashsale.ingest.core.limits.Admission;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Resumes a suspended request once the broker has acknowledged its event, or with an error when the
 * send fails or the acknowledgement does not arrive within the send timeout. No request thread
 * waits meanwhile. A full producer buffer while the broker keeps up is answered with
 * {@code 429 OVERLOADED}; any other failure with {@code 503 BROKER_UNAVAILABLE}. Both carry
 * {@code Retry-After}.
 *
 * <p>A 503 does not prove that nothing was written: an acknowledgement may still arrive after the
 * timeout. The client's retry carries the same {@code clientRequestId}, so it maps to the same order
 * and the stream processor drops the duplicate.
 */
public final class AcknowledgedResponder {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgedResponder.class);

    private final Duration timeout;
    private final long retryAfterSeconds;
    private final long overloadRetryAfterSeconds;
    private final Executor executor;

    /**
     * @param executor runs the resume, because the acknowledgement arrives on the Kafka client's I/O
     *                 thread, which must not write HTTP responses
     */
    public AcknowledgedResponder(Duration timeout, long retryAfterSeconds, long overloadRetryAfterSeconds,
                                 Executor executor) {
        this.timeout = timeout;
        this.retryAfterSeconds = retryAfterSeconds;
        this.overloadRetryAfterSeconds = overloadRetryAfterSeconds;
        this.executor = executor;
    }

    /**
     * Starts the send and resumes {@code async} when its acknowledgement completes or the timeout
     * passes, whichever comes first. Settles {@code admission} at the same moment, so its in-flight
     * permit is held exactly while the send is pending. The caller's MDC (the request id) is copied
     * to the threads that log the outcome.
     *
     * @param send          starts the send and returns its acknowledgement
     * @param accepted      builds the success response
     * @param failureLogger logs a failed or timed-out send with the ids of the request
     */
    public void resumeAfter(AsyncResponse async, Admission admission, Supplier<CompletionStage<Void>> send,
                            Supplier<Response> accepted, Consumer<Throwable> failureLogger) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        async.setTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        async.setTimeoutHandler(timedOut -> withMdc(mdc, () -> {
            admission.failed();
            String message = "timed out waiting for the acknowledgement after " + timeout.toMillis() + " ms";
            failureLogger.accept(new TimeoutException(message));
            timedOut.resume(brokerUnavailable());
        }));

        start(send).whenCompleteAsync((ignored, error) -> withMdc(mdc, () -> {
            if (error == null) {
                admission.succeeded();
                async.resume(accepted.get());
            } else {
                admission.failed();
                if (!async.isDone()) {
                    async.resume(failureResponse(unwrap(error), failureLogger));
                }
            }
        }), executor);
    }

    private ApiException failureResponse(Throwable error, Consumer<Throwable> failureLogger) {
        if (error instanceof ProducerOverloadedException) {
            // Expected in a stampede and counted by the client's retry; a WARN per request would flood the log.
            LOG.debug("Producer buffer full, answering 429: {}", error.getMessage());
            return ApiException.retryAfter(ErrorCode.OVERLOADED, overloadRetryAfterSeconds);
        }
        failureLogger.accept(error);
        return brokerUnavailable();
    }

    private ApiException brokerUnavailable() {
        return ApiException.retryAfter(ErrorCode.BROKER_UNAVAILABLE, retryAfterSeconds);
    }

    private static CompletionStage<Void> start(Supplier<CompletionStage<Void>> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void withMdc(Map<String, String> mdc, Runnable action) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (mdc == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(mdc);
        }
        try {
            action.run();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
