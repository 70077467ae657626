package com.flashsale.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.flashsale.events.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks docker-compose.yml against the code, because no test here can start it: the variables
 * each service receives, its ports, the topics the {@code topics} service creates and the
 * durability settings of the brokers.
 */
class ComposeFileTest {

    /** Tests run in the launcher module's directory; the compose file sits at the repository root. */
    private static final Path REPOSITORY_ROOT = Path.of("..");

    /** A compose variable: {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME:?error}}. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:-|:\\?)([^}]*))?}");

    /** A variable that Dropwizard substitutes in a config.yml, with its optional default. */
    private static final Pattern CONFIG_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

    private static JsonNode compose;

    /** A service of the pipeline with the variables that name its two ports in its config.yml. */
    enum Service {
        INGEST("ingest-service", "INGEST_PORT", "INGEST_ADMIN_PORT"),
        PROCESSOR("stream-processor", "PROCESSOR_PORT", "PROCESSOR_ADMIN_PORT"),
        PROJECTION("projection-service", "PROJECTION_PORT", "PROJECTION_ADMIN_PORT");

        final String module;
        final String portVariable;
        final String adminPortVariable;

        Service(String module, String portVariable, String adminPortVariable) {
            this.module = module;
            this.portVariable = portVariable;
            this.adminPortVariable = adminPortVariable;
        }
    }

    @BeforeAll
    static void readComposeFile() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(REPOSITORY_ROOT.resolve("docker-compose.yml").toFile());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceGetsOnlyVariablesItsConfigReads(Service service) throws IOException {
        Map<String, String> configDefaults = configVariables(service.module);

        Set<String> passed = environment(service.module).keySet();

        assertThat(configDefaults.keySet()).containsAll(passed);
        assertThat(passed).contains("KAFKA_BOOTSTRAP_SERVERS", "FLASHSALE_TOPIC_PREFIX", "BIND_HOST");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void servicePublishesConfigDefaultPortsOnLoopback(Service service) throws IOException {
        Map<String, String> configDefaults = configVariables(service.module);
        String port = configDefaults.get(service.portVariable);
        String adminPort = configDefaults.get(service.adminPortVariable);

        List<String> published = texts(service(service.module).path("ports"));

        assertThat(published).containsExactly(
                "127.0.0.1:" + port + ":" + port,
                "127.0.0.1:" + adminPort + ":" + adminPort);
        assertThat(environment(service.module)).doesNotContainKeys(service.portVariable, service.adminPortVariable);
    }

    @Test
    void servicePortsAreTheDocumentedOnes() throws IOException {
        assertThat(configVariables("ingest-service")).containsEntry("INGEST_PORT", "8080")
                .containsEntry("INGEST_ADMIN_PORT", "8081");
        assertThat(configVariables("projection-service")).containsEntry("PROJECTION_PORT", "8090")
                .containsEntry("PROJECTION_ADMIN_PORT", "8091");
        assertThat(configVariables("stream-processor")).containsEntry("PROCESSOR_PORT", "8070")
                .containsEntry("PROCESSOR_ADMIN_PORT", "8071");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceListensOnAllInterfacesInsideContainer(Service service) {
        Map<String, String> environment = environment(service.module);

        assertThat(environment).containsEntry("BIND_HOST", "0.0.0.0");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceHealthCheckCallsAdminHealthcheck(Service service) throws IOException {
        String adminPort = configVariables(service.module).get(service.adminPortVariable);

        List<String> test = texts(service(service.module).path("healthcheck").path("test"));

        assertThat(test).contains("http://127.0.0.1:" + adminPort + "/healthcheck");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceReachesAllThreeBrokers(Service service) {
        String bootstrapServers = resolveDefaults(environment(service.module).get("KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(bootstrapServers.split(",")).containsExactly("kafka-1:9092", "kafka-2:9092", "kafka-3:9092");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceWaitsForTopicCreation(Service service) {
        JsonNode dependsOn = service(service.module).path("depends_on");

        assertThat(dependsOn.path("topics").path("condition").asText()).isEqualTo("service_completed_successfully");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void serviceUsesDefaultTopicPrefix(Service service) {
        String prefix = resolveDefaults(environment(service.module).get("FLASHSALE_TOPIC_PREFIX"));

        assertThat(prefix).isEqualTo(Topics.DEFAULT_PREFIX);
    }

    @Test
    void signingKeyIsRequiredFromHost() {
        for (String module : List.of("ingest-service", "projection-service")) {
            String secret = environment(module).get("FLASHSALE_JWT_SECRET");

            assertThat(secret).as(module).startsWith("${FLASHSALE_JWT_SECRET:?");
        }
        assertThat(environment("stream-processor")).doesNotContainKey("FLASHSALE_JWT_SECRET");
    }

    @Test
    void projectionUsesPostgres() {
        Map<String, String> environment = environment("projection-service");

        assertThat(environment.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/flashsale");
        assertThat(environment.get("DATABASE_PASSWORD")).startsWith("${FLASHSALE_DATABASE_PASSWORD:?");
        assertThat(service("projection-service").path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(service("postgres").path("image").asText()).startsWith("postgres:15");
    }

    @Test
    void topicsServiceCreatesEveryPipelineTopic() {
        Map<String, String> environment = environment("topics");
        String prefix = resolveDefaults(environment.get("TOPIC_PREFIX"));

        List<String> created = Arrays.stream(environment.get("TOPIC_NAMES").trim().split("\\s+"))
                .map(name -> prefix + name)
                .toList();

        assertThat(created).containsExactlyElementsOf(Topics.withDefaultPrefix().all());
    }

    @Test
    void topicsKeptForeverAndReplicated() {
        Map<String, String> environment = environment("topics");

        assertThat(environment).containsEntry("TOPIC_RETENTION_MS", "-1");
        assertThat(environment).containsEntry("TOPIC_REPLICATION_FACTOR", "3");
        assertThat(environment).containsEntry("TOPIC_MIN_INSYNC_REPLICAS", "2");
        assertThat(resolveDefaults(environment.get("TOPIC_PARTITIONS"))).isEqualTo("6");
    }

    @Test
    void topicsCommandAppliesEverySetting() {
        String script = String.join("\n", texts(service("topics").path("command")));

        assertThat(script).contains("--create --if-not-exists");
        assertThat(script).contains("--partitions \"$${TOPIC_PARTITIONS}\"");
        assertThat(script).contains("--replication-factor \"$${TOPIC_REPLICATION_FACTOR}\"");
        assertThat(script).contains("--config \"min.insync.replicas=$${TOPIC_MIN_INSYNC_REPLICAS}\"");
        assertThat(script).contains("--config \"retention.ms=$${TOPIC_RETENTION_MS}\"");
        assertThat(script).contains("for name in $${TOPIC_NAMES}");
    }

    @Test
    void topicsServiceWaitsForHealthyBrokers() {
        JsonNode dependsOn = service("topics").path("depends_on");

        for (String broker : BROKERS) {
            assertThat(dependsOn.path(broker).path("condition").asText()).as(broker).isEqualTo("service_healthy");
        }
    }

    @Test
    void processorMatchesTopicCreation() {
        Map<String, String> processor = environment("stream-processor");
        Map<String, String> topics = environment("topics");

        assertThat(resolveDefaults(processor.get("PROCESSOR_PARTITIONS")))
                .isEqualTo(resolveDefaults(topics.get("TOPIC_PARTITIONS")));
        assertThat(processor.get("PROCESSOR_REPLICATION_FACTOR")).isEqualTo(topics.get("TOPIC_REPLICATION_FACTOR"));
    }

    @Test
    void processorKeepsStateOnVolumeAsStaticMember() {
        Map<String, String> environment = environment("stream-processor");
        String stateDir = environment.get("PROCESSOR_STATE_DIR");

        List<String> volumes = texts(service("stream-processor").path("volumes"));

        assertThat(environment.get("PROCESSOR_INSTANCE_ID")).isNotBlank();
        assertThat(volumes).hasSize(1);
        assertThat(volumes.get(0)).endsWith(":" + stateDir);
        assertThat(compose.path("volumes").has(volumes.get(0).split(":")[0])).isTrue();
    }

    @Test
    void brokersRequireTwoOfThreeReplicas() {
        for (String broker : BROKERS) {
            Map<String, String> environment = environment(broker);

            assertThat(environment).as(broker)
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        }
    }

    @Test
    void brokersHaveDistinctNodeIdsAndVolumes() {
        Set<String> nodeIds = new HashSet<>();
        Set<String> volumes = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();

        for (String broker : BROKERS) {
            Map<String, String> environment = environment(broker);
            nodeIds.add(environment.get("KAFKA_NODE_ID"));
            clusterIds.add(environment.get("CLUSTER_ID"));
            List<String> mounts = texts(service(broker).path("volumes"));
            assertThat(mounts).as(broker).hasSize(1);
            volumes.add(mounts.get(0).split(":")[0]);
        }

        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(volumes).hasSize(3);
        assertThat(clusterIds).as("one cluster id for all brokers").hasSize(1);
        for (String volume : volumes) {
            assertThat(compose.path("volumes").has(volume)).as(volume).isTrue();
        }
    }

    @Test
    void brokersRunTheKafkaVersionTheTestsRun() throws IOException {
        // The fault tests prove the pipeline against this version's broker; the compose file must not drift from it.
        String testedVersion = kafkaClientVersion();

        for (String name : allKafkaImageServices()) {
            assertThat(service(name).path("image").asText()).as(name).isEqualTo("apache/kafka:" + testedVersion);
        }
    }

    /** The version kafka-clients records in its jar; the embedded broker runs the same release. */
    private static String kafkaClientVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            assertThat(in).as("kafka/kafka-version.properties on the test classpath").isNotNull();
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    private static List<String> allKafkaImageServices() {
        List<String> names = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("image").asText().startsWith("apache/kafka:")) {
                names.add(entry.getKey());
            }
        });
        assertThat(names).containsAll(BROKERS);
        return names;
    }

    @Test
    void brokersShareOneQuorumOfAllThree() {
        for (String broker : BROKERS) {
            Map<String, String> environment = environment(broker);

            assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as(broker)
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).as(broker)
                    .contains("CLIENT://" + broker + ":9092");
        }
    }

    @Test
    void everyPublishedPortBindsToLoopback() {
        compose.path("services").fields().forEachRemaining(entry -> {
            for (String port : texts(entry.getValue().path("ports"))) {
                assertThat(port).as(entry.getKey()).startsWith("127.0.0.1:");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void dockerfileRunsShadedJarAsNonRootUser(Service service) throws IOException {
        Map<String, String> configDefaults = configVariables(service.module);

        String dockerfile = Files.readString(REPOSITORY_ROOT.resolve(service.module).resolve("Dockerfile"));

        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre");
        assertThat(dockerfile).contains("COPY target/" + service.module + ".jar ");
        assertThat(dockerfile).contains("COPY config.yml ");
        assertThat(dockerfile).containsPattern("(?m)^USER flashsale$");
        assertThat(dockerfile).contains("EXPOSE " + configDefaults.get(service.portVariable) + " "
                + configDefaults.get(service.adminPortVariable));
        assertThat(service(service.module).path("build").asText()).isEqualTo("./" + service.module);
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isMissingNode()).as("service " + name + " in docker-compose.yml").isFalse();
        return service;
    }

    private static Map<String, String> environment(String serviceName) {
        Map<String, String> environment = new LinkedHashMap<>();
        service(serviceName).path("environment").fields()
                .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
        return environment;
    }

    /** Returns each variable a module's config.yml reads, mapped to its default or "" without one. */
    private static Map<String, String> configVariables(String module) throws IOException {
        String config = Files.readString(REPOSITORY_ROOT.resolve(module).resolve("config.yml"));
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher matcher = CONFIG_VARIABLE.matcher(config);
        while (matcher.find()) {
            variables.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        }
        return variables;
    }

    /**
     * Replaces compose variables the way {@code docker compose} does with none of them set: a
     * {@code :-} variable becomes its default. A {@code :?} variable makes compose fail, so it is
     * left as it is for the caller to see.
     */
    private static String resolveDefaults(String value) {
        Matcher matcher = COMPOSE_VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = ":-".equals(matcher.group(2)) ? matcher.group(3) : matcher.group();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
