using KeySell.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs <c>keysell</c> in-process against a SQLite data directory of its own.</summary>
public sealed class CliSandbox : IAsyncDisposable
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("keysell-cli-").FullName;

    /// <summary>Extra configuration, as appsettings.json or KeySell__… variables would give it.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public async Task<CliResult> Run(params string[] args) => await RunWithInput("", args);

    public async Task<CliResult> RunWithInput(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["KeySell:DataDirectory"] = DataDirectory,
            // Whatever the machine's environment says, these tests use their own SQLite file.
            ["KeySell:Database:Provider"] = "sqlite",
            ["ConnectionStrings:KeySell"] = "",
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        var exitCode = await Program.RunAsync(args, new Terminal(output, error, new StringReader(stdin)), settings,
            TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public string PathOf(string file) => Path.Combine(DataDirectory, file);

    public async Task<Guid> OpportunityIdAsync(string nameStart)
    {
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={PathOf("keysell.db")}");
        return await db.Opportunities.Where(o => o.Name.StartsWith(nameStart)).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<int> OpportunityCountAsync()
    {
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={PathOf("keysell.db")}");
        return await db.Opportunities.CountAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
