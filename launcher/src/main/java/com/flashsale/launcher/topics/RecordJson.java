package com.flashsale.launcher.topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flashsale.events.serde.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Formats one record of a pipeline topic as a JSON line: its position, key, headers and the
 * decoded event under {@code value}, with the event's type. A value that does not decode (a poison
 * record, or a dead-letter copy of one) is kept as Base64 with the reason, so nothing is hidden.
 */
public final class RecordJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String format(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode line = mapper.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));

        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }

        putValue(line, record.value());
        return line.toString();
    }

    private void putValue(ObjectNode line, byte[] value) {
        if (value == null) {
            line.putNull("type");
            line.putNull("value");
            return;
        }
        try {
            SpecificRecord event = EventCodec.get().decode(value);
            line.put("type", event.getSchema().getName());
            // Avro renders a record as JSON text; reading it back makes it part of this line, not a string.
            line.set("value", mapper.readTree(SpecificData.get().toString(event)));
        } catch (JsonProcessingException | RuntimeException e) {
            line.putNull("type");
            line.put("undecodable", e.getMessage());
            line.put("valueBase64", Base64.getEncoder().encodeToString(value));
        }
    }
}
