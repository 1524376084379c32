package com.dentaldesk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run keeps a clinic's data: the database survives a stop and a start on the same folder, a backup taken
 * while stopped restores into a new folder with everything in it, and a folder another PostgreSQL made is refused.
 */
class LocalDataTest {

    @TempDir
    Path work;

    @BeforeEach
    void reachableByTheDatabaseUser() throws Exception {
        // Under root the database runs as nobody, which must pass through the test's folder (JUnit makes it 0700).
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @Test
    void shouldKeepTheDatabaseAcrossRestartsAndThroughABackupAndRestore() throws Exception {
        LocalData data = new LocalData(work.resolve("data"));
        LocalData.Secrets secrets = data.secrets();

        LocalPostgres first = LocalPostgres.startKept(data.postgres());
        assertTrue(first.createDatabaseIfAbsent("booking"), "a new folder gets a new database");
        sql(first, "create table bookings (patient text); insert into bookings values ('Jordan')");
        assertThrows(IllegalStateException.class, () -> LocalData.backup(data.root(), work.resolve("live.tar.gz")),
                "a running database's files are no backup");
        assertThrows(IllegalStateException.class, data::deleteForFresh, "--fresh never deletes a running database");
        first.close();
        assertThrows(IllegalStateException.class, () -> LocalData.backup(data.root(), data.root().resolve("b.tar.gz")),
                "a backup inside the folder would copy itself");

        LocalPostgres second = LocalPostgres.startKept(data.postgres());
        assertFalse(second.createDatabaseIfAbsent("booking"), "the database is still there");
        assertEquals("Jordan", patient(second));
        second.close();
        assertEquals(secrets, data.secrets(), "the same keys after a restart");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.root().resolve("local-secrets.properties"))));

        Path backup = work.resolve("backups/monday.tar.gz");
        LocalData.backup(data.root(), backup);
        Path restored = work.resolve("restored");
        LocalData.restore(backup, restored);
        assertThrows(IllegalStateException.class, () -> LocalData.restore(backup, restored),
                "a restore never writes over data");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(restored.resolve("local-secrets.properties"))), "keys stay private");
        LocalPostgres third = LocalPostgres.startKept(new LocalData(restored).postgres());
        assertEquals("Jordan", patient(third));
        third.close();
        assertEquals(secrets, new LocalData(restored).secrets(), "the keys come back with the data");
    }

    @Test
    void shouldRefuseADataFolderAnotherPostgresMadeInsteadOfOpeningIt() throws Exception {
        Path old = Files.createDirectories(work.resolve("old/postgres"));
        Files.writeString(old.resolve("PG_VERSION"), "15\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalPostgres.startKept(old));
        assertTrue(refused.getMessage().contains("PostgreSQL 15") && refused.getMessage().contains("will not open"),
                refused.getMessage());
        assertEquals("15\n", Files.readString(old.resolve("PG_VERSION")), "left as it was");

        Path notADatabase = Files.createDirectories(work.resolve("photos"));
        Files.writeString(notADatabase.resolve("holiday.jpg"), "x");
        assertThrows(IllegalStateException.class, () -> LocalPostgres.startKept(notADatabase));
    }

    @Test
    void shouldRefuseAnArchiveWithALinkAndAFreshStartOfAFolderThatHoldsMoreThanItsData() throws Exception {
        Path archive = work.resolve("crafted.tar.gz");
        try (var out = Files.newOutputStream(archive);
                var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                        new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out))) {
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("postgres",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        Path target = work.resolve("target");
        assertThrows(IllegalStateException.class, () -> LocalData.restore(archive, target));
        assertFalse(Files.exists(target.resolve("postgres")), "no link was made");

        Path home = Files.createDirectories(work.resolve("home"));
        Files.writeString(home.resolve("thesis.txt"), "years of work");
        assertThrows(IllegalStateException.class, () -> new LocalData(home).deleteForFresh());
        assertTrue(Files.exists(home.resolve("thesis.txt")));
    }

    private static void sql(LocalPostgres postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String patient(LocalPostgres postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("booking"), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select patient from bookings")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
