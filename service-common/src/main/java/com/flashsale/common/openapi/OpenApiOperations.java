package com.flashsale.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Lists operations as {@code "METHOD /path"} strings, once from an OpenAPI document and once from
 * JAX-RS resource classes, so that a test can compare the two. Path templates are normalized to
 * start with one slash and end without one; template variables keep their names.
 */
public final class OpenApiOperations {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiOperations() {
    }

    /** Reads the operations under {@code paths} of an OpenAPI 3 document in YAML. */
    public static Set<String> documented(InputStream yaml) throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> keys = paths.get(path).fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (HTTP_METHODS.contains(key)) {
                    operations.add(key.toUpperCase(Locale.ROOT) + " " + normalize(path));
                }
            }
        }
        return operations;
    }

    /** Builds Jersey's resource model of each class and lists its resource methods and sub-resource methods. */
    public static Set<String> registered(Collection<Class<?>> resourceClasses) {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resourceClass : resourceClasses) {
            Resource resource = Resource.from(resourceClass);
            addMethods(resource, "", operations);
        }
        return operations;
    }

    private static void addMethods(Resource resource, String parentPath, Set<String> operations) {
        String path = join(parentPath, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            operations.add(method.getHttpMethod() + " " + normalize(path));
        }
        for (Resource child : resource.getChildResources()) {
            addMethods(child, path, operations);
        }
    }

    private static String join(String parent, String child) {
        return child == null ? parent : parent + "/" + child;
    }

    private static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }
}
