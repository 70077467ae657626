package com.flashsale.common.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.Map;

/**
 * Maps a Bean Validation failure of a request to {@code 400} naming the first invalid field, in a
 * stable order so that the same bad body always gets the same answer.
 */
public class ValidationErrorMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .orElse(null);
        if (first == null) {
            return ErrorResponses.build(headers, ErrorCode.INVALID_JSON);
        }

        String field = leafName(first.getPropertyPath());
        boolean missing = first.getConstraintDescriptor().getAnnotation() instanceof NotNull;
        return ErrorResponses.build(headers, missing ? ErrorCode.MISSING_FIELD : ErrorCode.INVALID_FIELD, field, Map.of());
    }

    /** The last named node: "submit.request.quantity" becomes "quantity"; a null body is "body". */
    private static String leafName(Path path) {
        String name = null;
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name == null ? "body" : name;
    }
}
