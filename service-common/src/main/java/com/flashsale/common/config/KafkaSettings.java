package com.flashsale.common.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flashsale.events.topics.Topics;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Where the Kafka cluster is and which topic prefix this pipeline uses. */
public class KafkaSettings {

    @NotBlank
    @JsonProperty
    private String bootstrapServers = "127.0.0.1:9092";

    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain only letters, digits, '.', '_' and '-'")
    @JsonProperty
    private String topicPrefix = Topics.DEFAULT_PREFIX;

    public KafkaSettings() {
    }

    public KafkaSettings(String bootstrapServers, String topicPrefix) {
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix;
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public String getTopicPrefix() {
        return topicPrefix;
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }
}
