using KeySell.Web.Tests.Infrastructure;

namespace KeySell.Web.Tests.Access;

// One app (one database) per provider for all access classes: the personas and their records are
// set up once per database and shared by the matrix, the completeness test and the leak tests.
// The two collections run in parallel; the classes inside one run one after another.

[CollectionDefinition(Name)]
public sealed class AccessOnSqlite : ICollectionFixture<AccessSqliteApp>
{
    public const string Name = "Access on SQLite";
}

[CollectionDefinition(Name)]
public sealed class AccessOnPostgres : ICollectionFixture<AccessPostgresApp>
{
    public const string Name = "Access on PostgreSQL";
}

/// <summary>
/// The matrix sends a few thousand requests a minute as the owner (each write case arranges fresh
/// records), far above the contract's per-user limit of 600 a minute. Rate limits have tests of
/// their own, so here the per-user limit is raised out of the way; nothing else differs.
/// </summary>
internal static class AccessSettings
{
    public static IEnumerable<KeyValuePair<string, string>> Values => [new("KeySell:RateLimits:ApiRequestsPerMinute", "1000000")];
}

public sealed class AccessSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> AppSettings() => AccessSettings.Values;
}

public sealed class AccessPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string>> AppSettings() => AccessSettings.Values;
}
