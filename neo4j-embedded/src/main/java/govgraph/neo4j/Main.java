package govgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.configuration.connectors.ConnectorPortRegister;

/**
 * Starts Neo4j Community in this JVM with Bolt on loopback, writes a ready
 * file that other GovGraph commands use to share the running database
 * instead of failing on the store lock, and stops on SIGTERM or when the
 * parent process closes our standard input (so a killed parent leaves no JVM).
 * Bolt needs a password: the user neo4j gets a random one at the first start,
 * kept in the data folder (readable by its owner only) for every command.
 */
public final class Main {
  private static final String READY = "GOVGRAPH_NEO4J_READY";
  private static final String USER = "neo4j";

  private Main() {}

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable e) {
      // Neo4j's own threads would keep a JVM that failed to start alive: end it, so the caller hears of it.
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    Path dataDir = Path.of(env("GOVGRAPH_DATA_DIR", ".data")).toAbsolutePath().normalize();
    int port = parsePort(env("GOVGRAPH_BOLT_PORT", "7687"));
    String pageCache = env("GOVGRAPH_NEO4J_PAGECACHE", "256m");
    long txTimeoutSeconds = Long.parseLong(env("GOVGRAPH_NEO4J_TX_TIMEOUT_SECONDS", "60"));
    Instance instance = open(dataDir, port, pageCache, txTimeoutSeconds);
    Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "govgraph-neo4j-shutdown"));
    System.out.println(READY + " " + instance.uri());
    System.out.flush();

    if (System.getenv("GOVGRAPH_NEO4J_DETACHED") == null) {
      watchParent();
      System.exit(0);
    } else {
      Thread.currentThread().join();
    }
  }

  /** A running Neo4j on one data folder: its Bolt address, and how to stop it. */
  public static final class Instance {
    private final DatabaseManagementService dbms;
    private final Path readyFile;
    private final String uri;
    private final AtomicBoolean stopped = new AtomicBoolean(false);

    private Instance(DatabaseManagementService dbms, Path readyFile, String uri) {
      this.dbms = dbms;
      this.readyFile = readyFile;
      this.uri = uri;
    }

    public String uri() {
      return uri;
    }

    /** Removes the ready file and shuts the database down; later calls do nothing. */
    public void stop() {
      if (stopped.compareAndSet(false, true)) {
        try {
          Files.deleteIfExists(readyFile);
        } catch (IOException ignored) {
          // The next start treats a ready file of a dead process as stale.
        }
        dbms.shutdown();
        System.out.println("GOVGRAPH_NEO4J_STOPPED");
        System.out.flush();
      }
    }
  }

  /**
   * Opens Neo4j on `dataDir` with Bolt on loopback (port 0: any free port), sets the password of the user
   * neo4j, waits until the default database accepts transactions and writes the ready file.
   */
  public static Instance open(Path dataDir, int port, String pageCache, long txTimeoutSeconds) throws Exception {
    Path neo4jHome = dataDir.resolve("neo4j");
    Files.createDirectories(neo4jHome);
    Path readyFile = dataDir.resolve("neo4j.json");
    String password = passwordOf(dataDir.resolve("neo4j-password"));

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(neo4jHome)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // While a request runs, Neo4j sends a NOOP at least once a second and tells the driver (the
        // connection hint recv_timeout_seconds: 1 s x 3 probes) to drop a connection silent for 3 s:
        // a hung or cut-off connection is closed, not left in the pool for the next request.
        .setConfig(BoltConnector.connection_keep_alive_type, BoltConnector.KeepAliveRequestType.ALL)
        .setConfig(BoltConnector.connection_keep_alive, Duration.ofSeconds(1))
        .setConfig(BoltConnector.connection_keep_alive_streaming_scheduling_interval, Duration.ofMillis(500))
        .setConfig(BoltConnector.connection_keep_alive_probes, 3)
        // Bolt's worker pool otherwise waits 10 s at every shutdown, even with no client left; our clients
        // close their drivers before they stop Neo4j, so one second is ample.
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .build();

    try {
      // The embedded API is not subject to authentication: it sets the password Bolt clients must give, every
      // start, so the file and the database always agree (a store made before passwords gets one too).
      GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
      system.executeTransactionally(
          "CREATE USER " + USER + " IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
      try {
        system.executeTransactionally(
            "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      } catch (QueryExecutionException e) {
        // Neo4j refuses to set the password it already has: then file and database agree.
        if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
          throw e;
        }
      }

      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      // Block until the default database accepts transactions.
      try (var tx = db.beginTx()) {
        tx.execute("RETURN 1").close();
        tx.commit();
      }
      int boundPort = ((GraphDatabaseAPI) db).getDependencyResolver()
          .resolveDependency(ConnectorPortRegister.class)
          .getLocalAddress(ConnectorType.BOLT)
          .getPort();
      String uri = "bolt://127.0.0.1:" + boundPort;
      long pid = ProcessHandle.current().pid();
      String json = "{\"pid\":" + pid + ",\"uri\":\"" + uri + "\",\"dataDir\":\""
          + dataDir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n";
      Path tmp = dataDir.resolve("neo4j.json.tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, readyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Instance(dbms, readyFile, uri);
    } catch (Exception e) {
      dbms.shutdown();
      throw e;
    }
  }

  /**
   * The password in `file`, or a new random one written there first, readable and writable by its owner only
   * (created with those rights, then moved into place, so it is never readable by others).
   */
  private static String passwordOf(Path file) throws IOException {
    if (Files.exists(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!stored.isEmpty()) {
        return stored;
      }
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return password;
  }

  /** Returns when standard input closes, i.e. when the parent is gone. */
  private static void watchParent() {
    InputStream in = System.in;
    byte[] buf = new byte[256];
    try {
      while (in.read(buf) >= 0) {
        // Anything written is ignored; only the end of the stream matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, same as end of stream.
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int parsePort(String raw) {
    try {
      int port = Integer.parseInt(raw);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      System.err.println("GOVGRAPH_BOLT_PORT must be a port number from 0 to 65535, got: " + raw);
      System.exit(2);
      return -1;
    }
  }
}
