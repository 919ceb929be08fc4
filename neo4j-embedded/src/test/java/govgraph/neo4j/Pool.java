package govgraph.neo4j;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * For the test suites only: one JVM that opens a Neo4j of its own for each test file that asks, each on its own
 * data folder and Bolt port, configured exactly as {@link Main} configures the one `npm start` runs. A test file
 * then waits about a second for its database instead of a JVM's start.
 *
 * <p>Control is HTTP on loopback: {@code POST /start?dir=…&pagecache=…} answers the Bolt address (of the one
 * already open there, if any), {@code POST /stop?dir=…} shuts that database down.
 *
 * <p>A test file done with a migrated database it has emptied again may hand it back instead: {@code POST
 * /park?dir=…}. The next {@code /start} that says {@code reuse=1} gets it (its password copied into the new
 * folder) rather than a new one. Neo4j then keeps the queries it has compiled: compiling them again in every new
 * database was about half of this JVM's work in a profile of the integration tests.
 *
 * <p>The JVM stops every database and exits when its parent closes our standard input.
 */
public final class Pool {
  private static final String PASSWORD_FILE = "neo4j-password";

  /** An open Neo4j: where its store lives (the folder it was first opened on), and its page cache. */
  private record Opened(Main.Instance instance, Path home, String pageCache) {}

  private static final Map<Path, Opened> OPEN = new ConcurrentHashMap<>();
  private static final Deque<Opened> PARKED = new ConcurrentLinkedDeque<>();

  private Pool() {}

  public static void main(String[] args) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/start", exchange -> answer(exchange, () -> {
      Map<String, String> query = query(exchange);
      Path dir = Path.of(required(query, "dir")).toAbsolutePath().normalize();
      String pageCache = query.getOrDefault("pagecache", "128m");
      Opened open = OPEN.get(dir);
      if (open != null) {
        return open.instance().uri();
      }
      if ("1".equals(query.get("reuse"))) {
        Opened parked = unpark(pageCache);
        if (parked != null) {
          Files.createDirectories(dir);
          Path password = dir.resolve(PASSWORD_FILE);
          Files.copy(parked.home().resolve(PASSWORD_FILE), password, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
          OPEN.put(dir, parked);
          return parked.instance().uri();
        }
      }
      Main.Instance instance = Main.open(dir, 0, pageCache, 60);
      OPEN.put(dir, new Opened(instance, dir, pageCache));
      return instance.uri();
    }));
    server.createContext("/park", exchange -> answer(exchange, () -> {
      Opened opened = OPEN.remove(Path.of(required(query(exchange), "dir")).toAbsolutePath().normalize());
      if (opened != null) {
        PARKED.push(opened);
      }
      return "parked";
    }));
    server.createContext("/stop", exchange -> answer(exchange, () -> {
      Path dir = Path.of(required(query(exchange), "dir"))
          .toAbsolutePath().normalize();
      Opened opened = OPEN.remove(dir);
      if (opened != null) {
        opened.instance().stop();
      }
      return "stopped";
    }));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      OPEN.values().forEach(opened -> opened.instance().stop());
      PARKED.forEach(opened -> opened.instance().stop());
    }));
    System.out.println("GOVGRAPH_NEO4J_POOL http://127.0.0.1:" + server.getAddress().getPort());
    System.out.flush();

    InputStream in = System.in;
    byte[] buf = new byte[256];
    try {
      while (in.read(buf) >= 0) {
        // Only the end of the stream matters: the parent is gone.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same.
    }
    System.exit(0);
  }

  private static synchronized Opened unpark(String pageCache) {
    for (Opened parked : PARKED) {
      if (parked.pageCache().equals(pageCache) && PARKED.remove(parked)) {
        return parked;
      }
    }
    return null;
  }

  private interface Action {
    String run() throws Exception;
  }

  private static void answer(HttpExchange exchange, Action action) throws IOException {
    int status;
    String body;
    if (!"POST".equals(exchange.getRequestMethod())) {
      status = 405;
      body = "POST only";
    } else {
      try {
        body = action.run();
        status = 200;
      } catch (Exception e) {
        status = 500;
        body = String.valueOf(e);
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> result = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return result;
  }

  private static String required(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing query parameter " + name);
    }
    return value;
  }
}
