package com.flashsale.launcher.cli;

import com.flashsale.events.topics.Topics;
import com.flashsale.launcher.bench.BenchOptions;
import com.flashsale.launcher.stack.StackPorts;
import com.flashsale.launcher.topics.TopicDumpOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Parses the launcher's arguments into a {@link Command}. */
public final class CommandLine {

    public static final String USAGE = """
            Usage: flashsale <command> [options]

            Commands:
              up      Start Kafka and the three services, print URLs and demo tokens, and keep
                      running until Ctrl-C.
              demo    Start the stack, run a flash sale through the HTTP API, pay, cancel or let
                      expire each reservation, run the projection's audit where the build has
                      it, and print a report. Exits with code 1 if any unit was oversold, any
                      order was duplicated, any accepted order did not reach a final status, a
                      SKU's stock does not add up, the order for a SKU without stock was not
                      dead-lettered, a payment after expiry revived its order or the audit failed.
              bench   Measure each stage of the pipeline against the best this machine does
                      with the same records, and write bench-results/<timestamp>/results.json
                      and chart.png. About 7 to 10 minutes; --quick about 2, startups included.
              topics  Decode one of the pipeline's topics and print its records as JSON lines,
                      from the beginning: `flashsale topics order-events [--follow]`. Reads
                      committed records only and joins no consumer group.

            Options of up:
              --base-port N          bind the stack to ports N to N+7 instead of the
                                     defaults (the same order as for demo)
              --data-dir DIR         keep data, logs and the token signing key in DIR
                                     (default .flashsale)

            Options of demo:
              --skus N               SKUs on sale (default 5)
              --stock N              units of stock per SKU (default 50)
              --shoppers N           distinct shoppers, each with their own token (default 2000)
              --submissions N        HTTP submissions in total, double taps and retries
                                     included (default 4000)
              --hold SECONDS         how long a reservation waits for payment before it
                                     expires; the demo starts the processor with it
                                     (default 60). With a running stack, give the hold
                                     that stack uses, so the demo waits long enough.
              --pay-ratio R          share of reservations the merchant pays, 0 to 1
                                     (default 0.5)
              --cancel-ratio R       share of reservations the shopper cancels, 0 to 1
                                     (default 0.2); the rest expire
              --base-port N          bind the stack to ports N to N+7 instead of the
                                     defaults: ingest, ingest admin, processor, processor
                                     admin, projection, projection admin, Kafka, Kafka
                                     controller
              --data-dir DIR         keep data, logs and the token signing key in DIR
                                     (default .flashsale)
              --report FILE          also write the report as JSON to FILE
              --keep-running         keep the stack running after the report, until Ctrl-C
              --seed N               seed of the random workload (default: random, printed)
              --ingest-url URL       use a running stack: the ingest service's base URL
              --projection-url URL   use a running stack: the projection service's base URL
              --jwt-secret-file FILE use a running stack: the file with its token signing key
                                     (the three options go together)

            Options of bench:
              --quick                    shorter steps, fewer rates and records: about 2
                                         minutes, startups included
              --output DIR               where the <timestamp> directory goes (default
                                         bench-results)
              --base-port N              bind the stacks to ports N to N+7 (default: free
                                         ports)
              --postgres-url URL         also measure the projection on this PostgreSQL
                                         (default jdbc:postgresql://127.0.0.1:5432/test)
              --postgres-user USER       its user (default postgres)
              --no-postgres              measure the projection on H2 only
              --stages LIST              run only these stages, comma-separated: ingest,
                                         reservation, projection, raw-kafka, end-to-end

            Options of topics (after the topic: order-submissions, order-commands,
            stock-commands, order-events, stock-events, dead-letter, or a full topic name):
              --follow                   keep printing new records until Ctrl-C
              --bootstrap-servers LIST   the Kafka cluster (default 127.0.0.1:9092, the
                                         embedded broker; with --base-port N, 127.0.0.1:N+6)
              --topic-prefix P           the prefix of the topic names (default flashsale.)

            Unless --data-dir says otherwise, data, logs and the generated token signing
            key live in .flashsale/ under the repository root. The demo stack's processor
            retries a submission for a SKU without stock after 1, 2 and 3 s.
            """;

    private static final Set<String> FLAGS = Set.of("--keep-running");
    private static final Set<String> VALUE_OPTIONS = Set.of("--skus", "--stock", "--shoppers", "--submissions",
            "--report", "--seed", "--ingest-url", "--projection-url", "--jwt-secret-file", "--hold", "--pay-ratio",
            "--cancel-ratio", "--base-port", "--data-dir");
    private static final Set<String> UP_OPTIONS = Set.of("--base-port", "--data-dir");

    /** Ports below 1024 need root on Linux. */
    private static final int MIN_BASE_PORT = 1024;

    private CommandLine() {
    }

    public static Command parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException("Missing command: use `up`, `demo`, `bench` or `topics`.");
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            return new Command.Help();
        }
        return switch (command) {
            case "--help", "-h", "help" -> new Command.Help();
            case "up" -> parseUp(rest);
            case "demo" -> new Command.Demo(parseDemo(rest));
            case "topics" -> new Command.Topics(parseTopics(rest));
            case "bench" -> new Command.Bench(parseBench(rest));
            default -> throw new UsageException("Unknown command '" + command + "': use `up`, `demo`, `bench` or `topics`.");
        };
    }

    private static Command parseUp(List<String> arguments) {
        Map<String, String> values = optionValues(arguments, "up", UP_OPTIONS, Set.of());
        return new Command.Up(basePort(values), Optional.ofNullable(values.get("--data-dir")).map(Path::of));
    }

    static BenchOptions parseBench(List<String> arguments) {
        boolean quick = false;
        boolean postgres = true;
        Map<String, String> values = new HashMap<>();
        Set<String> valueOptions = Set.of("--output", "--base-port", "--postgres-url", "--postgres-user", "--stages");
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--quick")) {
                quick = true;
            } else if (argument.equals("--no-postgres")) {
                postgres = false;
            } else if (!valueOptions.contains(argument)) {
                throw new UsageException("Unknown option '" + argument + "' for bench; see --help.");
            } else if (i + 1 < arguments.size()) {
                values.put(argument, arguments.get(++i));
            } else {
                throw new UsageException("Option " + argument + " needs a value.");
            }
        }
        if (!postgres && values.containsKey("--postgres-url")) {
            throw new UsageException("--no-postgres and --postgres-url contradict each other.");
        }
        Optional<String> postgresUrl = postgres
                ? Optional.of(values.getOrDefault("--postgres-url", BenchOptions.DEFAULT_POSTGRES_URL))
                : Optional.empty();
        return new BenchOptions(quick, Path.of(values.getOrDefault("--output", BenchOptions.DEFAULT_OUTPUT_ROOT.toString())),
                basePort(values), postgresUrl, values.getOrDefault("--postgres-user", BenchOptions.DEFAULT_POSTGRES_USER),
                stages(values.get("--stages")));
    }

    private static Set<String> stages(String list) {
        if (list == null) {
            return Set.of();
        }
        Set<String> known = Set.of("ingest", "reservation", "projection", "raw-kafka", "end-to-end");
        Set<String> names = new java.util.LinkedHashSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (!known.contains(trimmed)) {
                throw new UsageException("Unknown stage '" + trimmed + "' in --stages; the stages are " + known + ".");
            }
            names.add(trimmed);
        }
        return names;
    }

    static TopicDumpOptions parseTopics(List<String> arguments) {
        String topic = null;
        boolean follow = false;
        String bootstrapServers = "127.0.0.1:9092";
        String prefix = Topics.DEFAULT_PREFIX;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--follow")) {
                follow = true;
            } else if (argument.equals("--bootstrap-servers") || argument.equals("--topic-prefix")) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException("Option " + argument + " needs a value.");
                }
                String value = arguments.get(++i);
                if (argument.equals("--bootstrap-servers")) {
                    bootstrapServers = value;
                } else {
                    prefix = value;
                }
            } else if (argument.startsWith("-")) {
                throw new UsageException("Unknown option '" + argument + "' for topics; see --help.");
            } else if (topic == null) {
                topic = argument;
            } else {
                throw new UsageException("`topics` reads one topic, got '" + topic + "' and '" + argument + "'.");
            }
        }
        if (topic == null) {
            throw new UsageException("Missing topic: for example `flashsale topics order-events`.");
        }
        return new TopicDumpOptions(bootstrapServers, fullTopicName(topic, prefix), follow);
    }

    /** Prefixes one of the pipeline's short topic names; any other name is taken as it is. */
    private static String fullTopicName(String topic, String prefix) {
        List<String> shortNames = List.of(Topics.ORDER_SUBMISSIONS, Topics.ORDER_COMMANDS, Topics.STOCK_COMMANDS,
                Topics.ORDER_EVENTS, Topics.STOCK_EVENTS, Topics.DEAD_LETTER);
        return shortNames.contains(topic) ? prefix + topic : topic;
    }

    static DemoOptions parseDemo(List<String> arguments) {
        Map<String, String> values = optionValues(arguments, "demo", VALUE_OPTIONS, FLAGS);
        double payRatio = ratio(values, "--pay-ratio", DemoOptions.DEFAULT_PAY_RATIO);
        double cancelRatio = ratio(values, "--cancel-ratio", DemoOptions.DEFAULT_CANCEL_RATIO);
        if (payRatio + cancelRatio > 1) {
            throw new UsageException("--pay-ratio and --cancel-ratio add up to more than 1: " + payRatio + " + "
                    + cancelRatio + ".");
        }
        Optional<DemoOptions.RemoteStack> remote = remoteStack(values);
        if (remote.isPresent() && (values.containsKey("--base-port") || values.containsKey("--data-dir"))) {
            throw new UsageException("--base-port and --data-dir configure the embedded stack; they do not go with"
                    + " --ingest-url.");
        }
        return new DemoOptions(
                positiveInt(values, "--skus", DemoOptions.DEFAULT_SKUS),
                positiveInt(values, "--stock", DemoOptions.DEFAULT_STOCK),
                positiveInt(values, "--shoppers", DemoOptions.DEFAULT_SHOPPERS),
                positiveInt(values, "--submissions", DemoOptions.DEFAULT_SUBMISSIONS),
                Duration.ofSeconds(positiveInt(values, "--hold", DemoOptions.DEFAULT_HOLD_SECONDS)),
                payRatio,
                cancelRatio,
                basePort(values),
                Optional.ofNullable(values.get("--data-dir")).map(Path::of),
                Optional.ofNullable(values.get("--report")).map(Path::of),
                values.containsKey("--keep-running"),
                remote,
                seed(values));
    }

    /** Reads {@code --name value}, {@code --name=value} and flags into a map keyed by option name. */
    private static Map<String, String> optionValues(List<String> arguments, String command, Set<String> valueOptions,
                                                    Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (flags.contains(argument)) {
                values.put(argument, "true");
            } else if (!valueOptions.contains(name)) {
                throw new UsageException("Unknown option '" + argument + "' for " + command + "; see --help.");
            } else if (argument.contains("=")) {
                values.put(name, argument.substring(name.length() + 1));
            } else if (i + 1 < arguments.size()) {
                values.put(name, arguments.get(++i));
            } else {
                throw new UsageException("Option " + name + " needs a value.");
            }
        }
        return values;
    }

    private static double ratio(Map<String, String> values, String name, double defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed >= 0 && parsed <= 1)) {
                throw new UsageException(name + " must be between 0 and 1, got " + value + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number between 0 and 1, got '" + value + "'.");
        }
    }

    private static OptionalInt basePort(Map<String, String> values) {
        if (!values.containsKey("--base-port")) {
            return OptionalInt.empty();
        }
        int port = positiveInt(values, "--base-port", 0);
        if (port < MIN_BASE_PORT || port > StackPorts.MAX_BASE_PORT) {
            throw new UsageException("--base-port must be between " + MIN_BASE_PORT + " and " + StackPorts.MAX_BASE_PORT
                    + ", got " + port + ".");
        }
        return OptionalInt.of(port);
    }

    private static int positiveInt(Map<String, String> values, String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new UsageException(name + " must be at least 1, got " + value + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got '" + value + "'.");
        }
    }

    private static long seed(Map<String, String> values) {
        String value = values.get("--seed");
        if (value == null) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + value + "'.");
        }
    }

    private static Optional<DemoOptions.RemoteStack> remoteStack(Map<String, String> values) {
        List<String> names = List.of("--ingest-url", "--projection-url", "--jwt-secret-file");
        List<String> given = new ArrayList<>();
        for (String name : names) {
            if (values.containsKey(name)) {
                given.add(name);
            }
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() < names.size()) {
            throw new UsageException("--ingest-url, --projection-url and --jwt-secret-file go together; got only "
                    + String.join(", ", given) + ".");
        }
        return Optional.of(new DemoOptions.RemoteStack(url(values, "--ingest-url"), url(values, "--projection-url"),
                Path.of(values.get("--jwt-secret-file"))));
    }

    private static URI url(Map<String, String> values, String name) {
        String value = values.get(name);
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new UsageException(name + " must be an http or https URL, got '" + value + "'.");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " must be an http or https URL, got '" + value + "'.");
        }
    }
}
