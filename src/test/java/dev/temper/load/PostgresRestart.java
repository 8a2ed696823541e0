package dev.temper.load;

import dev.temper.testsupport.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts the test PostgreSQL the way an operator's restart does: a fast shutdown (SIGINT to the
 * postmaster: sessions are ended, nothing committed is lost), then the same server again on the same port and data
 * directory, with the command line it recorded itself in {@code postmaster.opts}. PostgreSQL refuses to be started
 * by root, which is who runs the builds here, so the server comes back as the system's {@code postgres} user, the
 * data directory handed to it; it is stopped again when the JVM ends.
 */
final class PostgresRestart {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final String SERVER_USER = "postgres";

    private final Path dataDirectory;
    private final List<String> command;

    private PostgresRestart(Path dataDirectory, List<String> command) {
        this.dataDirectory = dataDirectory;
        this.command = command;
    }

    /** Finds the running server through its own answers: where its data lives and how it was started. */
    static PostgresRestart ofRunningServer() throws SQLException, IOException {
        Path data;
        try (Connection c = Database.superuser(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show data_directory")) {
            r.next();
            data = Path.of(r.getString(1));
        }
        // postmaster.opts: the binary, then every argument quoted: /x/bin/postgres "-D" "/data" "-p" "5432" ...
        String opts = Files.readString(data.resolve("postmaster.opts")).strip();
        List<String> command = new ArrayList<>();
        command.add(opts.substring(0, opts.indexOf(' ')));
        Matcher argument = QUOTED.matcher(opts);
        while (argument.find()) {
            command.add(argument.group(1));
        }
        return new PostgresRestart(data, command);
    }

    /** Stops the server, waits {@code downFor}, starts it again and waits until it takes connections. */
    void restart(Duration downFor) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -INT " + pid + " failed");
        }
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        Thread.sleep(downFor.toMillis());
        run(List.of("chown", "-R", SERVER_USER + ":" + SERVER_USER, dataDirectory.toString()));
        List<String> asServerUser = new ArrayList<>(List.of("runuser", "-u", SERVER_USER, "--"));
        asServerUser.addAll(command);
        Process server = new ProcessBuilder(asServerUser).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "load-postgres.log").toFile()))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.descendants().forEach(ProcessHandle::destroy),
                "load-postgres-stop"));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try (Connection c = Database.superuser(); Statement s = c.createStatement()) {
                s.execute("select 1");
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not come back within a minute", e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
