using System.Data.Common;
using KeySell.Application.Common;
using KeySell.Application.History;
using KeySell.Application.Identity;
using KeySell.Application.Security;
using KeySell.Domain.Sheets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KeySell.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses and configures the database; the web host and the CLI share this so they always agree.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "KeySell.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "KeySell.Migrations.Postgres";

    public static IServiceCollection AddKeySellData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeySellOptions.Section).Get<KeySellOptions>() ?? new KeySellOptions();
        services.AddSingleton(options);
        services.AddSingleton(options.Analysis);
        services.AddSingleton(options.Search);
        services.AddSingleton(new StrategyAnalyzer(options.Analysis));
        services.AddSingleton(TimeProvider.System);
        var (provider, connectionString) = Resolve(options, configuration);
        services.AddDbContext<AppDbContext>(db => Configure(db, provider, connectionString));
        // The web host replaces the client address with the caller's; the CLI has none.
        services.TryAddScoped<IClientAddress, NoClientAddress>();
        services.AddScoped<SecurityLog>();
        services.AddScoped<Sessions>();
        services.AddScoped<SessionRevocation>();
        return services;
    }

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(KeySellOptions options, IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("KeySell");
        switch (options.Database.Provider.Trim().ToLowerInvariant())
        {
            case "postgres" or "postgresql" or "npgsql":
                if (string.IsNullOrWhiteSpace(configured))
                    throw new InvalidOperationException(
                        "KeySell__Database__Provider=postgres needs a connection string in ConnectionStrings__KeySell, e.g. 'Host=db;Database=keysell;Username=keysell;Password=…'.");
                return (DatabaseProvider.Postgres, configured);
            case "sqlite" or "":
                if (!string.IsNullOrWhiteSpace(configured)) return (DatabaseProvider.Sqlite, configured);
                var directory = options.ResolveDataDirectory();
                Directory.CreateDirectory(directory);
                return (DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(directory, "keysell.db"),
                    DefaultTimeout = 30,
                }.ToString());
            default:
                throw new InvalidOperationException(
                    $"KeySell__Database__Provider is '{options.Database.Provider}'; use 'sqlite' (default) or 'postgres'.");
        }
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
            db.AddInterceptors(SqlitePragmas.Instance);
        }
        db.AddInterceptors(ChangeHistory.Instance);
    }

    /// <summary>
    /// WAL lets readers and one writer work at once; synchronous FULL keeps a committed sale after
    /// a power cut; the busy timeout makes a second writer wait instead of failing at once.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>Builds a context outside dependency injection: design-time tools and tests.</summary>
public static class AppDbContextFactory
{
    public static AppDbContext Create(DatabaseProvider provider, string connectionString, TimeProvider? time = null, ICurrentUser? caller = null)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, provider, connectionString);
        return new AppDbContext(builder.Options, time ?? TimeProvider.System, caller ?? new Operator("system"));
    }
}
