import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded with a Bolt connector on 127.0.0.1, for developers and tests
 * on machines without Docker.
 *
 * <p>Usage: Neo4jLocal --data DIR [--port P] [--instances N] [--password PW] [--ready-file F]
 *
 * <p>--port 0 (the default) picks a free port. --instances N starts N independent servers in
 * this one JVM (data in DIR/0, DIR/1, ...), so that test packages running in parallel can each
 * have a whole database to themselves (Community has a single user database per server).
 * Without --password, authentication is off. One line "ready bolt://127.0.0.1:P" per instance
 * is printed (and written to --ready-file) only once Bolt accepts connections. SIGTERM shuts
 * everything down cleanly.
 */
public final class Neo4jLocal {
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // Exit (running the shutdown hook) rather than linger with Neo4j's threads alive.
            e.printStackTrace();
            fail("failed to start: " + e.getMessage());
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path data = Path.of(require(opts, "data")).toAbsolutePath();
        int port = Integer.parseInt(opts.getOrDefault("port", "0"));
        int instances = Integer.parseInt(opts.getOrDefault("instances", "1"));
        String password = opts.get("password");
        if (instances > 1 && port != 0) {
            fail("--port must be 0 (free ports) when --instances > 1");
        }

        List<DatabaseManagementService> services = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4jlocal: shutting down");
            services.parallelStream().forEach(DatabaseManagementService::shutdown);
            System.out.println("neo4jlocal: stopped");
            stopped.countDown();
        }));

        List<String> uris = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Path home = instances == 1 ? data : data.resolve(Integer.toString(i));
            int p = port != 0 ? port : freePort();
            services.add(start(home, p, password));
            waitForBolt(p);
            uris.add("bolt://127.0.0.1:" + p);
            System.out.println("neo4jlocal: ready bolt://127.0.0.1:" + p + " (data " + home + ")");
        }
        if (opts.containsKey("ready-file")) {
            Path ready = Path.of(opts.get("ready-file"));
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, String.join("\n", uris) + "\n");
            // Rename so a reader never sees a half-written file.
            Files.move(tmp, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        stopped.await();
    }

    private static long pageCache() {
        String size = System.getenv("NEO4JLOCAL_PAGECACHE");
        return size == null || size.isEmpty() ? ByteUnit.mebiBytes(64) : ByteUnit.parse(size);
    }

    private static DatabaseManagementService start(Path home, int port, String password) {
        SocketAddress address = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, address)
                // The advertised address is what neo4j:// routing hands back to drivers.
                .setConfig(BoltConnector.advertised_address, address)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                // Sized for a 2-core machine running several of these next to the tests; a
                // benchmark of a large store sets NEO4JLOCAL_PAGECACHE (e.g. 1g) to hold it.
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache())
                // Defaults wait 5 s per connector for clients to leave; a local server need not.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                .build();
        if (password != null) {
            // The password given on the command line is the truth for a local server.
            try {
                service.database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (QueryExecutionException e) {
                // Already set on an earlier start with the same data directory.
                if (!e.getMessage().contains("cannot be the same")) {
                    service.shutdown();
                    throw e;
                }
            }
        }
        return service;
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        fail("Bolt did not accept connections on port " + port + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("bad argument " + args[i] + "; usage: --data DIR [--port P] [--instances N]"
                        + " [--password PW] [--ready-file F]");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            fail("--" + key + " is required");
        }
        return v;
    }

    private static void fail(String message) {
        System.err.println("neo4jlocal: " + message);
        System.exit(2);
    }
}
