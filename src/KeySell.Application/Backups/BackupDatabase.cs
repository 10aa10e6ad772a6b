using System.Diagnostics;
using KeySell.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Backups;

/// <summary>
/// A consistent copy of the SQLite database while servers keep writing, checked before it is
/// called a backup. PostgreSQL has pg_dump for that; for it this says how, and with which version.
/// </summary>
public static class BackupDatabase
{
    public sealed record Command(string File, bool Overwrite);

    /// <param name="Written">True when a SQLite copy was made; false for PostgreSQL, where <see cref="Advice"/> says what to run.</param>
    public sealed record Outcome(bool Written, long Bytes, IReadOnlyList<string> Advice, IReadOnlyList<string> Warnings);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            if (db.Database.IsNpgsql()) return await PostgresAdviceAsync(cancellationToken);

            var target = Path.GetFullPath(command.File);
            if (File.Exists(target) && !command.Overwrite)
                throw new BackupRefused($"{target} already exists; choose another file or add --force to replace it.");
            if (SameFile(target, SqliteFiles.DataSource(db)))
                throw new BackupRefused("the backup file is the database itself; choose another file.");

            // Written beside the target and renamed at the end, so a failed or interrupted backup never
            // leaves a half-written file under the name a restore would use.
            var partial = target + ".partial";
            File.Delete(partial);
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                // The online backup API copies every page under one read transaction: in WAL mode
                // writers go on meanwhile, and the copy is the database as of the moment it began.
                source.BackupDatabase(copy);
                var problems = await SqliteFiles.IntegrityProblemsAsync(copy, cancellationToken);
                if (problems.Count > 0)
                    throw new BackupRefused($"the copy failed its integrity check ({string.Join("; ", problems.Take(3))}); nothing was written.");
                // One self-contained file: fold the copy's own WAL (if any) back in before it is moved.
                await using var checkpoint = copy.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }
            SqliteConnection.ClearAllPools();
            File.Move(partial, target, overwrite: true);
            return new Outcome(true, new FileInfo(target).Length, [], []);
        }

        private async Task<Outcome> PostgresAdviceAsync(CancellationToken cancellationToken)
        {
            var connection = db.Database.GetDbConnection();
            var settings = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
            var where = $"host={settings.Host} port={settings.Port} dbname={settings.Database}";
            await db.Database.OpenConnectionAsync(cancellationToken);
            string serverVersion;
            try
            {
                await using var query = connection.CreateCommand();
                query.CommandText = "SHOW server_version";
                serverVersion = (string)(await query.ExecuteScalarAsync(cancellationToken))!;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            var advice = new List<string>
            {
                $"KeySell's PostgreSQL database {settings.Database} on {settings.Host}:{settings.Port} runs PostgreSQL {serverVersion}.",
                "Back it up with PostgreSQL's own tool, which takes a consistent snapshot while servers keep writing:",
                $"  pg_dump --format=custom --file=keysell.dump \"{where} user={settings.Username}\"   (password: PGPASSWORD or ~/.pgpass)",
                "Restore into an empty database with:",
                $"  pg_restore --no-owner --dbname=\"{where} user={settings.Username}\" keysell.dump",
                "Or move the data to any KeySell database (SQLite or PostgreSQL) with 'keysell export-all FILE' and 'keysell import-all FILE'.",
            };
            var warnings = new List<string>();
            var dump = await PgDumpVersionAsync(cancellationToken);
            if (dump is null)
            {
                warnings.Add("pg_dump is not on this machine's PATH; install the PostgreSQL client of the server's major version (or newer).");
            }
            else
            {
                advice.Add($"pg_dump here: {dump}.");
                // pg_dump refuses a server newer than itself, and an older pg_dump cannot read a newer catalogue.
                if (Major(dump) is { } dumpMajor && Major(serverVersion) is { } serverMajor && dumpMajor < serverMajor)
                    warnings.Add($"pg_dump {dumpMajor} is older than the server ({serverMajor}) and will refuse to dump it; install pg_dump {serverMajor} or newer.");
            }
            return new Outcome(false, 0, advice, warnings);
        }

        private static async Task<string?> PgDumpVersionAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var process = System.Diagnostics.Process.Start(new ProcessStartInfo("pg_dump", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
                if (process is null) return null;
                var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                return process.ExitCode == 0 ? output.Trim() : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null; // not installed
            }
        }

        /// <summary>"16.4 (Debian 16.4-1)" and "pg_dump (PostgreSQL) 17.2" → 16 and 17.</summary>
        internal static int? Major(string version)
        {
            foreach (var word in version.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var digits = new string(word.TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length > 0 && int.TryParse(digits, out var major)) return major;
            }
            return null;
        }
    }

    private static bool SameFile(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}

/// <summary>A backup, restore, export or import that was refused before it changed anything; the message says why and what to do.</summary>
public sealed class BackupRefused(string message) : Exception(message);

internal static class SqliteFiles
{
    public static string DataSource(AppDbContext db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

    /// <summary>PRAGMA integrity_check: one "ok" row, or up to a hundred problem descriptions.</summary>
    public static async Task<IReadOnlyList<string>> IntegrityProblemsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        return lines is ["ok"] ? [] : lines;
    }
}
