package com.flashsale.projection.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.flashsale.common.auth.JwtSettings;
import com.flashsale.common.config.KafkaSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Configuration of the projection service: read-model database, Kafka, token key, consumer and long polling. */
public class ProjectionConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

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
    private ConsumerSettings consumer = new ConsumerSettings();

    @Valid
    @NotNull
    @JsonProperty
    private LongPollSettings longPoll = new LongPollSettings();

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    /**
     * Sets the database and, when the YAML names no driver class, picks the one that fits the URL,
     * so that switching {@code DATABASE_URL} between H2 and PostgreSQL needs no second variable.
     */
    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        if (database != null && database.getDriverClass() == null) {
            DatabaseDrivers.forUrl(database.getUrl()).ifPresent(database::setDriverClass);
        }
        this.database = database;
    }

    public KafkaSettings getKafka() {
        return kafka;
    }

    public JwtSettings getJwt() {
        return jwt;
    }

    public ConsumerSettings getConsumer() {
        return consumer;
    }

    public LongPollSettings getLongPoll() {
        return longPoll;
    }
}
