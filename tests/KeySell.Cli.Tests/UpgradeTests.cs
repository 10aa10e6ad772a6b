using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KeySell.Cli.Tests;

/// <summary>
/// A database made before a migration keeps working after it: what an older KeySell stored is read by the new one.
/// </summary>
public sealed class UpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_PeopleFromBeforeSeniority_ReadAsSeniorityUnknown_Sqlite()
    {
        using var folder = new TempFolder();
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder.Path, "keysell.db")}");
        await PeopleFromBeforeSeniorityAsync(db);
    }

    [Fact]
    public async Task Migrate_PeopleFromBeforeSeniority_ReadAsSeniorityUnknown_Postgres()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Postgres, database.ConnectionString);
        await PeopleFromBeforeSeniorityAsync(db);
    }

    /// <summary>
    /// People stored before the selling toolkit were given an empty seniority by its migration (the column's default),
    /// which is no seniority at all: the sheet, the map and the drill then failed to read them.
    /// </summary>
    private static async Task PeopleFromBeforeSeniorityAsync(AppDbContext db)
    {
        await db.GetService<IMigrator>().MigrateAsync("RelationshipMap", Ct);
        var account = new Account { Name = "Baosteel" };
        var person = new Person { AccountId = account.Id, Name = "Li Wei", Title = "CFO" };
        db.Accounts.Add(account);
        db.People.Add(person);
        await db.SaveChangesAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"People\" SET \"Seniority\" = ''", Ct);
        db.ChangeTracker.Clear();

        await db.Database.MigrateAsync(Ct);

        (await db.People.SingleAsync(p => p.Id == person.Id, Ct)).Seniority.ShouldBe(Seniority.Unknown);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("keysell-upgrade-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
