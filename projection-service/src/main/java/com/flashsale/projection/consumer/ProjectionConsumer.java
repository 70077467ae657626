package com.flashsale.projection.consumer;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.flashsale.common.config.KafkaSettings;
import com.flashsale.events.serde.EventCodec;
import com.flashsale.events.topics.Topics;
import com.flashsale.projection.config.ConsumerSettings;
import com.flashsale.projection.core.EventApplier;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one thread that feeds the event topics into the read model. Offsets are committed only
 * after a whole batch is applied, and a batch that fails is polled again after a backoff, so every
 * event is applied at least once; the event-id record in {@link EventApplier} makes the repeats
 * harmless. The thread survives an unreachable broker or database and keeps retrying.
 */
public class ProjectionConsumer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Consumer<String, byte[]>> consumerFactory;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final RetryBackoff backoff;
    private final BatchApplier batchApplier;
    private final Clock clock;
    private final ConsumerStatus status = new ConsumerStatus();
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private volatile Consumer<String, byte[]> consumer;
    private volatile boolean stopping;
    private Thread thread;

    public ProjectionConsumer(KafkaSettings kafka, ConsumerSettings settings, EventApplier applier, MetricRegistry metrics,
                              ProjectionMetrics projectionMetrics) {
        this(() -> new KafkaConsumer<>(ConsumerProperties.of(kafka, settings)), subscribedTopics(kafka.topics()),
                settings.getPollTimeout().toJavaDuration(), settings.getInitialRetryBackoff().toJavaDuration(),
                settings.getMaxRetryBackoff().toJavaDuration(),
                new BatchApplier(EventCodec.get(), applier, skippedMeter(metrics), projectionMetrics),
                projectionMetrics.clock());
    }

    ProjectionConsumer(Supplier<Consumer<String, byte[]>> consumerFactory, List<String> topics, Duration pollTimeout,
                       Duration initialBackoff, Duration maxBackoff, BatchApplier batchApplier, Clock clock) {
        this.consumerFactory = consumerFactory;
        this.topics = topics;
        this.pollTimeout = pollTimeout;
        this.backoff = new RetryBackoff(initialBackoff, maxBackoff);
        this.batchApplier = batchApplier;
        this.clock = clock;
    }

    /** Topics the read model is built from; commands are left to the stream processor. */
    public static List<String> subscribedTopics(Topics topics) {
        return List.of(topics.orderSubmissions(), topics.orderEvents(), topics.stockEvents());
    }

    private static Meter skippedMeter(MetricRegistry metrics) {
        return metrics.meter(MetricRegistry.name(ProjectionConsumer.class, "skipped-records"));
    }

    public ConsumerStatus status() {
        return status;
    }

    @Override
    public void start() {
        thread = new Thread(this::run, "projection-consumer");
        status.markStarted(clock.millis());
        thread.start();
        LOG.info("Started the projection consumer topics={}", topics);
    }

    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        stopRequested.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            LOG.warn("The projection consumer did not stop within {}", STOP_TIMEOUT);
        } else {
            LOG.info("Stopped the projection consumer");
        }
    }

    private void run() {
        try {
            while (!stopping) {
                try (Consumer<String, byte[]> created = consumerFactory.get()) {
                    consumer = created;
                    created.subscribe(topics);
                    pollUntilStopped(created);
                } catch (WakeupException | InterruptException e) {
                    // stop() woke the consumer up; the loop condition ends the thread.
                } catch (KafkaException e) {
                    LOG.warn("Kafka consumer failed; creating a new one after a backoff", e);
                    pause(backoff.nextDelay());
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("The projection consumer thread died; the read model no longer advances", e);
            throw e;
        } finally {
            consumer = null;
            status.markRunning(false);
        }
    }

    private void pollUntilStopped(Consumer<String, byte[]> kafka) {
        while (!stopping) {
            BatchApplier.Result result = batchApplier.apply(kafka, kafka.poll(pollTimeout));
            if (result.failure().isPresent()) {
                status.markApplyFailed(result.failure().get());
                Duration delay = backoff.nextDelay();
                LOG.warn("Applying events failed; the batch will be polled again in {} ms", delay.toMillis(),
                        result.failure().get());
                pause(delay);
                continue;
            }
            status.markApplySucceeded();
            status.markPolled(clock.millis(), ConsumerLag.total(kafka), ConsumerLag.max(kafka));
            backoff.reset();
            if (result.consumedRecords() > 0) {
                batchApplier.commit(kafka);
            }
        }
    }

    private void pause(Duration delay) {
        try {
            stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
