package org.kura.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective {@link KuraConfig}: built-in defaults ({@code kura-defaults.yaml}), then the
 * configuration file, then {@code KURA_…} environment variables, then command-line overrides.
 * Unknown keys in the file are an error, so that a typo does not silently fall back to a default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param file    the configuration file, or null to use {@code ./kura.yaml} when it exists
     * @param dataDir the {@code --data} option, or null
     */
    public KuraConfig load(Path file, String dataDir) {
        ObjectNode tree = defaults();
        Path effectiveFile = file != null ? file : Path.of("kura.yaml");
        if (file != null && !Files.exists(file)) {
            throw new ConfigException("configuration file not found: " + file);
        }
        if (Files.exists(effectiveFile)) {
            merge(tree, read(effectiveFile), "");
        }
        applyEnvironment(tree, "");
        String dataEnv = environment.get("KURA_DATA_DIR");
        if (dataEnv != null && !dataEnv.isBlank()) {
            tree.put("data", dataEnv);
        }
        if (dataDir != null) {
            tree.put("data", dataDir);
        }
        try {
            return YAML.treeToValue(tree, KuraConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage(), e);
        }
    }

    /** The effective configuration as YAML, with secrets masked. */
    public static String toYaml(KuraConfig config) {
        ObjectNode tree = YAML.valueToTree(config);
        mask(tree, List.of("catalog", "password"));
        mask(tree, List.of("server", "adminToken"));
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lists every configuration key with the environment variable that overrides it. */
    public static Map<String, String> environmentVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        collectKeys(defaults(), "", out);
        return out;
    }

    private static void collectKeys(JsonNode node, String prefix, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                collectKeys(e.getValue(), key, out);
            } else {
                out.put(key, envName(key));
            }
        }
    }

    static String envName(String key) {
        if (key.equals("data")) {
            return "KURA_DATA_DIR";
        }
        return "KURA_" + key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    private void applyEnvironment(ObjectNode node, String prefix) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode child = node.get(name);
            if (child.isObject()) {
                applyEnvironment((ObjectNode) child, key);
            } else {
                String value = environment.get(envName(key));
                if (value != null && child.isArray()) {
                    com.fasterxml.jackson.databind.node.ArrayNode list = node.putArray(name);
                    for (String item : value.split(",")) {
                        if (!item.isBlank()) {
                            list.add(item.strip());
                        }
                    }
                } else if (value != null) {
                    node.set(name, TextNode.valueOf(value));
                }
            }
        }
    }

    private static void mask(ObjectNode tree, List<String> path) {
        JsonNode parent = tree.get(path.get(0));
        if (parent instanceof ObjectNode o && o.hasNonNull(path.get(1)) && !o.get(path.get(1)).asText().isEmpty()) {
            o.put(path.get(1), "********");
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/kura-defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in defaults", e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": the configuration must be a mapping of keys");
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing == null) {
                throw new ConfigException("unknown configuration key: " + key);
            }
            if (existing.isObject()) {
                if (!e.getValue().isObject()) {
                    throw new ConfigException("configuration key " + key + " must be a mapping");
                }
                merge((ObjectNode) existing, e.getValue(), key);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
