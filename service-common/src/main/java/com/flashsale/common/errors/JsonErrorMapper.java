package com.flashsale.common.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps a body that Jackson could not bind to {@code 400}: malformed JSON, an unknown field, or a
 * value of the wrong type, naming the field. Jackson's own message is not sent because it quotes
 * class names.
 */
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ErrorResponses.build(headers, ErrorCode.UNKNOWN_FIELD, unknown.getPropertyName(), Map.of());
        }
        if (e instanceof JsonParseException) {
            return ErrorResponses.build(headers, ErrorCode.INVALID_JSON);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ErrorResponses.build(headers, ErrorCode.INVALID_FIELD, fieldPath(mapping), Map.of());
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return ErrorResponses.build(headers, ErrorCode.INVALID_JSON);
        }
        return ErrorResponses.build(headers, ErrorCode.INVALID_JSON);
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
