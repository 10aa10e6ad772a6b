using System.Text;
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

    public async Task<CliResult> RunWithInput(string stdin, params string[] args) => await RunWithInput(Encoding.UTF8.GetBytes(stdin), args);

    /// <summary>Standard input as bytes, which need not be UTF-8.</summary>
    public async Task<CliResult> RunWithInput(byte[] stdin, params string[] args)
    {
        using var output = new StringWriter();
        return await RunWith(output, stdin, args, () => output.ToString());
    }

    /// <summary>As the real console is: standard output a UTF-8 writer over a byte stream.</summary>
    public async Task<CliResult> RunWithByteOutput(string stdin, params string[] args)
    {
        using var bytes = new MemoryStream();
        await using var output = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        return await RunWith(output, Encoding.UTF8.GetBytes(stdin), args, () =>
        {
            output.Flush();
            return Encoding.UTF8.GetString(bytes.ToArray());
        });
    }

    private async Task<CliResult> RunWith(TextWriter output, byte[] stdin, string[] args, Func<string> printed)
    {
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new Terminal(output, error, new MemoryStream(stdin)), HostSettings(),
            TestContext.Current.CancellationToken);
        return new CliResult(exitCode, printed(), error.ToString());
    }

    private Dictionary<string, string?> HostSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["KeySell:DataDirectory"] = DataDirectory,
            // Whatever the machine's environment says, these tests use their own SQLite file.
            ["KeySell:Database:Provider"] = "sqlite",
            ["ConnectionStrings:KeySell"] = "",
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        return settings;
    }

    /// <summary>The CLI's own services on the sandbox database, to check what a command left behind (a password hash, a role).</summary>
    public Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work) => new CliHost(HostSettings()).RunAsync(work);

    /// <summary>A direct change to the sandbox database, made as <paramref name="by"/>, for what the CLI has no command for (a delete).</summary>
    public async Task ChangeAsync(Func<AppDbContext, Task> change, string by = "test")
    {
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={PathOf("keysell.db")}", caller: new KeySell.Application.Common.Operator(by));
        await change(db);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
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
