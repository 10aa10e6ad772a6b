using KeySell.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Backups;

/// <summary>
/// Puts a backup made by <see cref="BackupDatabase"/> in place of the SQLite database. A database
/// that already holds anything is kept unless the caller says to replace it: a restore is the one
/// command that can throw a team's work away.
/// </summary>
public static class RestoreDatabase
{
    public sealed record Command(string File, bool Replace);

    public sealed record Outcome(string Database, string? LastMigration);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            if (db.Database.IsNpgsql())
                throw new BackupRefused("restore works on SQLite; for PostgreSQL use pg_restore (see 'keysell backup') or 'keysell import-all'.");
            var source = Path.GetFullPath(command.File);
            if (!File.Exists(source)) throw new BackupRefused($"{source} does not exist.");
            var target = SqliteFiles.DataSource(db);
            if (string.Equals(source, target, StringComparison.Ordinal)) throw new BackupRefused("the backup file is the database itself.");

            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            string? lastMigration;
            try
            {
                await backup.OpenAsync(cancellationToken);
                var problems = await SqliteFiles.IntegrityProblemsAsync(backup, cancellationToken);
                if (problems.Count > 0) throw new BackupRefused($"{source} fails its integrity check ({string.Join("; ", problems.Take(3))}); nothing was restored.");
                lastMigration = await LastMigrationAsync(backup, cancellationToken)
                    ?? throw new BackupRefused($"{source} is not a KeySell database (it has no migration history); nothing was restored.");
            }
            catch (SqliteException e)
            {
                throw new BackupRefused($"{source} is not a readable SQLite database ({e.Message}); nothing was restored.");
            }

            await using var database = new SqliteConnection(db.Database.GetConnectionString());
            await database.OpenAsync(cancellationToken);
            if (!command.Replace && await HasRowsAsync(database, cancellationToken))
                throw new BackupRefused($"the database {target} is not empty; stop the servers and add --force to replace it with the backup.");
            // Page by page under the target's write lock: a reader sees the old or the restored database, never a mix.
            backup.BackupDatabase(database);
            return new Outcome(target, lastMigration);
        }

        private static async Task<string?> LastMigrationAsync(SqliteConnection connection, CancellationToken cancellationToken)
        {
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (await query.ExecuteScalarAsync(cancellationToken) is null) return null;
            query.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1";
            return await query.ExecuteScalarAsync(cancellationToken) as string;
        }

        /// <summary>Any row in any table but the migration history: a database that was only migrated holds nothing to lose.</summary>
        private static async Task<bool> HasRowsAsync(SqliteConnection connection, CancellationToken cancellationToken)
        {
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
                await using var reader = await list.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                await using var any = connection.CreateCommand();
                any.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"")}\")";
                if ((long)(await any.ExecuteScalarAsync(cancellationToken))! != 0) return true;
            }
            return false;
        }
    }
}
