package com.flashsale.kafka.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds the broker's classpath: the jars that the embedded-kafka build copies to
 * {@code embedded-kafka/target/kafka-lib}.
 */
public final class KafkaLibrary {

    /** System property that names the kafka-lib directory explicitly. */
    public static final String PROPERTY = "flashsale.kafka.lib";

    private static final String BROKER_JAR_PREFIX = "kafka_2.13-";

    static final Path RELATIVE_PATH = Paths.get("embedded-kafka", "target", "kafka-lib");

    private KafkaLibrary() {
    }

    /**
     * Returns the directory named by {@value #PROPERTY}, or else the first
     * {@code embedded-kafka/target/kafka-lib} found in the working directory or one of its parents.
     *
     * @throws IllegalStateException when neither exists or holds no broker jar
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return requireBrokerJar(Paths.get(configured).toAbsolutePath());
        }
        Path start = Paths.get("").toAbsolutePath();
        return findUpwards(start)
                .map(KafkaLibrary::requireBrokerJar)
                .orElseThrow(() -> new IllegalStateException(
                        "Kafka broker jars not found: no " + RELATIVE_PATH + " in " + start
                                + " or its parents, and -D" + PROPERTY + " is not set. "
                                + "Run `mvn -B -DskipTests package` in the repository root first."));
    }

    static Optional<Path> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path requireBrokerJar(Path dir) {
        if (!containsBrokerJar(dir)) {
            throw new IllegalStateException("Kafka broker jars not found: " + dir + " holds no "
                    + BROKER_JAR_PREFIX + "*.jar. Run `mvn -B -DskipTests package` in the repository root first.");
        }
        return dir;
    }

    private static boolean containsBrokerJar(Path dir) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, BROKER_JAR_PREFIX + "*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
