using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace KeySell.Application.Data;

/// <summary>
/// One database-wide lock around start-up (migrate, first admin, demo), so any number of app servers
/// and CLI runs can start together on an empty database: without it two servers both find no admin
/// role and both insert one, and the second fails on the unique RoleNameIndex (23505).
/// </summary>
/// <remarks>
/// PostgreSQL: a session advisory lock held on a connection of its own (released when that
/// connection closes, so a crashed server never leaves it behind). SQLite lives on one machine, so
/// an exclusive lock on a file beside the database does the same; the operating system releases it
/// when the process dies. A lock inside SQLite itself (BEGIN IMMEDIATE) would block this process's
/// own migration connection.
/// </remarks>
public static class StartupLock
{
    /// <summary>Any fixed number: it names KeySell's start-up among the advisory locks of the database.</summary>
    private const long AdvisoryKey = 0x4B657953656C6C; // "KeySell"

    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        return db.Database.IsNpgsql()
            ? await AcquirePostgresAsync(db, connectionString, timeout, cancellationToken)
            : await AcquireSqliteAsync(connectionString, timeout, cancellationToken);
    }

    private static async Task<IAsyncDisposable> AcquirePostgresAsync(AppDbContext db, string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The lock lives in the database, so the database must exist first; creating it is itself
        // safe to race (the loser sees 42P04 and goes on).
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try { await creator.CreateAsync(cancellationToken); }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation) { }
        }

        // No pooling: closing the connection must really end the session, and with it the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // SET takes no parameters; the value is a whole number of milliseconds made here, never input.
            await using var command = new NpgsqlCommand($"SET lock_timeout = {(long)timeout.TotalMilliseconds}; SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Releaser(async () => await connection.DisposeAsync());
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<IAsyncDisposable> AcquireSqliteAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        // An in-memory database belongs to one process: nothing to share, nothing to lock.
        if (string.IsNullOrEmpty(file) || file == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return new Releaser(() => ValueTask.CompletedTask);

        var lockPath = Path.GetFullPath(file) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        // The file stays: deleting it on release would let a waiter lock the old, unlinked file
        // while a newcomer locks a new one. FileShare.None is an exclusive flock on Linux.
        var attempts = Math.Max(1, (int)(timeout / PollInterval));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                return new Releaser(() => stream.DisposeAsync());
            }
            catch (IOException) when (attempt < attempts)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Names the daily analysis run among the advisory locks; any number other than <see cref="AdvisoryKey"/>.</summary>
    private const long StoredAnalysisKey = 0x4B5341_6E616C; // "KSAnal"

    /// <summary>
    /// The lock of the daily stored-analysis run, taken only if it is free: several app servers start
    /// the run at the same minute, and the one that gets the lock does the work while the others skip
    /// it (null) instead of judging every open deal again. Held until disposed; a crashed holder's
    /// session or process ends, and the lock with it. Separate from the start-up lock, so a run never
    /// holds up another server's migration.
    /// </summary>
    public static async Task<IAsyncDisposable?> TryAcquireStoredAnalysisAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        if (db.Database.IsNpgsql())
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", StoredAnalysisKey);
                // Unlocked explicitly: closing the connection frees the lock only once the server has
                // noticed the disconnect, and the next server to ask may come before that.
                if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                    return new Releaser(async () =>
                    {
                        try
                        {
                            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                            unlock.Parameters.AddWithValue("key", StoredAnalysisKey);
                            await unlock.ExecuteScalarAsync(CancellationToken.None);
                        }
                        finally
                        {
                            await connection.DisposeAsync();
                        }
                    });
                await connection.DisposeAsync();
                return null;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return new Releaser(() => ValueTask.CompletedTask);
        var lockPath = Path.GetFullPath(file) + ".analysis-lock";
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            return new Releaser(() => stream.DisposeAsync());
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class Releaser(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}
