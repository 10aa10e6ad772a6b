using KeySell.Application.Data;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Setup;

/// <summary>
/// Start-up applies the migrations of the configured provider; they must build the whole model,
/// so a property added without a migration fails here rather than on a customer's server.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptySqliteDatabase_AppliesAllAndLeavesNoPendingModelChanges()
    {
        var file = Path.Combine(Path.GetTempPath(), $"keysell-migrations-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={file}");

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBe(db.Database.GetMigrations());
            db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changes no migration covers: regenerate the SQLite migration");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migrate_EmptyPostgresDatabase_AppliesAllAndLeavesNoPendingModelChanges()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("keysell_migrations");
        try
        {
            await using var db = AppDbContextFactory.Create(DatabaseProvider.Postgres, connectionString);

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBe(db.Database.GetMigrations());
            db.Database.HasPendingModelChanges().ShouldBeFalse("the model has changes no migration covers: regenerate the PostgreSQL migration");
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task SqliteConnection_Opened_UsesWalFullSyncForeignKeysAndBusyTimeout()
    {
        var file = Path.Combine(Path.GetTempPath(), $"keysell-pragmas-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={file}");
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

            (await Pragma(db, "journal_mode")).ShouldBe("wal");
            (await Pragma(db, "synchronous")).ShouldBe("2");
            (await Pragma(db, "foreign_keys")).ShouldBe("1");
            int.Parse(await Pragma(db, "busy_timeout")).ShouldBeGreaterThan(0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*")) File.Delete(f);
        }
    }

    private static async Task<string> Pragma(AppDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
