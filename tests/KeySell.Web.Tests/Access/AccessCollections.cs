using KeySell.Web.Tests.Infrastructure;

namespace KeySell.Web.Tests.Access;

// One app (one database) per provider for all access classes: the personas and their records are
// set up once per database and shared by the matrix, the completeness test and the leak tests.
// The two collections run in parallel; the classes inside one run one after another.

[CollectionDefinition(Name)]
public sealed class AccessOnSqlite : ICollectionFixture<SqliteApp>
{
    public const string Name = "Access on SQLite";
}

[CollectionDefinition(Name)]
public sealed class AccessOnPostgres : ICollectionFixture<PostgresApp>
{
    public const string Name = "Access on PostgreSQL";
}
