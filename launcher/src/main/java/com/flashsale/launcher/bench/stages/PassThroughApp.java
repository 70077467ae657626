package com.flashsale.launcher.bench.stages;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reservation stage's baseline: a Kafka Streams application that copies every record of one
 * topic unchanged to another under {@code exactly_once_v2}, with one stream thread like the
 * processor. Its rate is what exactly-once Kafka Streams allows on this broker when the topology
 * does no work. The benchmark starts it as a child JVM from the launcher jar and stops it with SIGTERM.
 *
 * <p>Arguments: bootstrap servers, application id, source topic, sink topic, state directory,
 * commit interval in milliseconds.
 */
public final class PassThroughApp {

    private static final Logger LOG = LoggerFactory.getLogger(PassThroughApp.class);

    private PassThroughApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            System.err.println("Usage: PassThroughApp <bootstrapServers> <applicationId> <sourceTopic> <sinkTopic>"
                    + " <stateDir> <commitIntervalMs>");
            System.exit(2);
        }
        Properties settings = settings(args[0], args[1], args[4], Integer.parseInt(args[5]));
        KafkaStreams streams = new KafkaStreams(topology(args[2], args[3]), settings);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((newState, oldState) -> LOG.info("Kafka Streams state={}", newState));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(10));
            stopped.countDown();
        }, "pass-through-shutdown"));

        streams.start();
        stopped.await();
    }

    static Topology topology(String source, String sink) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(source, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(sink, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    static Properties settings(String bootstrapServers, String applicationId, String stateDir, int commitIntervalMs) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return settings;
    }

    /** The arguments {@link #main} takes, in order, for the stage that starts it. */
    static List<String> arguments(String bootstrapServers, String applicationId, String source, String sink,
                                  String stateDir, int commitIntervalMs) {
        return List.of(bootstrapServers, applicationId, source, sink, stateDir, Integer.toString(commitIntervalMs));
    }
}
