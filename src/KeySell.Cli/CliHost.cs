using KeySell.Application;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli;

/// <summary>
/// The same services and configuration as the web host (appsettings.json in the current
/// directory, then <c>KeySell__…</c> and <c>ConnectionStrings__KeySell</c> from the environment),
/// so the CLI always works on the database the web app uses.
/// </summary>
public sealed class CliHost(IEnumerable<KeyValuePair<string, string?>>? settings)
{
    /// <summary>Read on first use, so <c>--help</c> works even with a broken appsettings.json.</summary>
    private IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? [])
            .Build();

    /// <summary>The <c>KeySell</c> section alone, for commands that need no database.</summary>
    public KeySellOptions Options() =>
        Configuration().GetSection(KeySellOptions.Section).Get<KeySellOptions>() ?? new KeySellOptions();

    /// <summary>Builds the services on first use, so <c>--help</c> works even with a broken configuration.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var configuration = Configuration();
        var services = new ServiceCollection();
        services.AddKeySellData(configuration);
        services.AddKeySellHandlers();
        services.AddKeySellUsers();
        services.AddSingleton<ICurrentUser>(new Operator("cli:" + Environment.UserName));

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Applies pending migrations and names them, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // The same lock as a starting server's, so 'keysell migrate' can run beside one.
        await using var startupLock = await StartupLock.AcquireAsync(db, TimeSpan.FromMinutes(5), cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>Stops with a clear next step instead of a "no such table" error on a new or outdated database.</summary>
    public static async Task RequireUpToDateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            throw CliFailure.Failed($"the {Describe(db)} is not set up for this version; run 'keysell migrate' first.");
    }

    /// <summary>Where the data lives, for messages: never the full connection string, which may hold a password.</summary>
    public static string Describe(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return db.Database.IsSqlite()
            ? $"SQLite database {connection.DataSource}"
            : $"PostgreSQL database {connection.Database} at {connection.DataSource}";
    }
}
