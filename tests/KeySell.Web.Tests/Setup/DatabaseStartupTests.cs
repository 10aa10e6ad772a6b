using KeySell.Application.Data;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Tests.Setup;

public abstract class DatabaseStartupTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Fact]
    public async Task Start_NewDatabase_CreatesTheConfiguredAdminLinkedToAColleague()
    {
        _ = app.Server; // starts the host, which migrates and creates the admin

        var admin = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == KeySellApp.AdminEmail, TestContext.Current.CancellationToken));

        admin.ColleagueId.ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Colleagues.AnyAsync(c => c.Id == admin.ColleagueId, TestContext.Current.CancellationToken))).ShouldBeTrue();
    }

    [Fact]
    public async Task Start_WithSeedDemoDataOff_LeavesTheDatabaseWithoutAccounts()
    {
        _ = app.Server;

        (await app.WithDbAsync(db => db.Accounts.CountAsync(TestContext.Current.CancellationToken))).ShouldBe(0);
    }
}

public sealed class DatabaseStartupTests_Sqlite(SqliteApp app) : DatabaseStartupTests<SqliteApp>(app);
public sealed class DatabaseStartupTests_Postgres(PostgresApp app) : DatabaseStartupTests<PostgresApp>(app);
