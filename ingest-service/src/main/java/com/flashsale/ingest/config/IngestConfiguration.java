package com.flashsale.ingest.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.config.KafkaSettings;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Settings of the ingest service; {@code config.yml} fills them from the environment. */
public class IngestConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private KafkaSettings kafka = new KafkaSettings();

    @Valid
    @NotNull
    @JsonProperty
    private JwtSettings jwt = new JwtSettings();

    @Valid
    @NotNull
    @JsonProperty
    private ProducerSettings producer = new ProducerSettings();

    @Valid
    @NotNull
    @JsonProperty
    private LimitSettings limits = new LimitSettings();

    /** Base URL of the projection service, where clients poll an order's status. */
    @NotNull
    @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?", message = "must be an http or https URL without query or fragment")
    @JsonProperty
    private String projectionPublicUrl = "http://127.0.0.1:8090";

    @Min(1)
    @Max(1000)
    @JsonProperty
    private int maxQuantityPerOrder = 10;

    /** Seconds a client should wait before retrying, sent in {@code Retry-After} when the broker is unavailable. */
    @Min(1)
    @Max(300)
    @JsonProperty
    private int retryAfterSeconds = 2;

    /**
     * True to register {@code POST /v1/benchmark/orders}, the benchmark's baseline, which validates an
     * order and returns 202 without sending it anywhere. False by default and in production.
     */
    @JsonProperty
    private boolean benchmarkBaseline = false;

    public KafkaSettings getKafka() {
        return kafka;
    }

    public JwtSettings getJwt() {
        return jwt;
    }

    public ProducerSettings getProducer() {
        return producer;
    }

    public LimitSettings getLimits() {
        return limits;
    }

    /** Returns the projection URL without a trailing slash, ready for appending a path. */
    public String getProjectionPublicUrl() {
        return projectionPublicUrl.endsWith("/")
                ? projectionPublicUrl.substring(0, projectionPublicUrl.length() - 1)
                : projectionPublicUrl;
    }

    public int getMaxQuantityPerOrder() {
        return maxQuantityPerOrder;
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean isBenchmarkBaseline() {
        return benchmarkBaseline;
    }
}
