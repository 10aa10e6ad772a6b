using Npgsql;

namespace KeySell.Web.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL server that ./test.sh starts. Each fixture gets a database of its own,
/// so test classes never see each other's rows and can run in parallel.
/// </summary>
/// <remarks>
/// ./test.sh exports KEYSELL_TEST_POSTGRES, e.g. <c>Host=127.0.0.1;Port=54329;Username=postgres</c>.
/// To run these tests by hand, start a server and export that variable; without it the PostgreSQL
/// tests fail with this explanation rather than silently passing.
/// </remarks>
public static class PostgresServer
{
    public const string Variable = "KEYSELL_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run ./test.sh, which starts a throwaway PostgreSQL, or export {Variable}=\"Host=127.0.0.1;Port=5432;Username=postgres\".");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
