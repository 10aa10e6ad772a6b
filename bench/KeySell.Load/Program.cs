using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KeySell.Load;

/// <summary>
/// The load harness's client: drives the main API reads and pages of a running KeySell at 1 and 16
/// concurrent users, then the same reads as plain SQL (the floor), and prints p50/p95/p99,
/// requests per second and the server's resident memory. Run by bench/load/run.sh.
/// </summary>
public static class Program
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(options.Url),
            Timeout = TimeSpan.FromSeconds(120),
        };
        var admin = await SignInAsync(http, options.AdminEmail, options.Password);
        var targets = await Targets.FindAsync(options.Database, options.Provider, options.BigAccount);
        var sellerEmail = options.SellerEmail ?? targets.BusiestSeller;
        var seller = sellerEmail is null ? admin : await SignInAsync(http, sellerEmail, options.Password);
        Console.WriteLine($"big account {targets.BigAccount}, last page {targets.LastOpportunityPage}, Home as {sellerEmail ?? options.AdminEmail}");
        var manager = targets.Manager is { } m ? await SignInAsync(http, m.Email, options.Password) : admin;
        Console.WriteLine($"work queue of team {targets.Manager?.TeamId} as its manager {targets.Manager?.Email}");

        var scenarios = new List<Scenario>
        {
            Api("api opportunities page 1", "/api/opportunities?page=1&pageSize=20", admin, Floor.OpportunitiesPage(0)),
            Api("api opportunities last page", $"/api/opportunities?page={targets.LastOpportunityPage}&pageSize=20", admin, Floor.OpportunitiesPage((targets.LastOpportunityPage - 1) * 20)),
            Api("api opportunities search erp", "/api/opportunities?search=erp&pageSize=20", admin, Floor.OpportunitiesSearch("erp")),
            Api("api accounts page 1", "/api/accounts?page=1&pageSize=20", admin, Floor.AccountsPage(0)),
            Api("api accounts search steel", "/api/accounts?search=steel&pageSize=20", admin, Floor.AccountsSearch("steel")),
            Api("api sheet", i => $"/api/opportunities/{targets.Opportunity(i)}/sheet", admin, Floor.Sheet(targets)),
            Api("page account (2,000 people)", _ => $"/accounts/{targets.BigAccount}", admin, null),
            Api("page account", i => $"/accounts/{targets.Account(i)}", admin, null),
            Api("page sheet", i => $"/opportunities/{targets.Opportunity(i)}", admin, null),
            Api("page home (busiest seller)", _ => "/", seller, null),
            // The work queue's first page (funnel contract), for the scopes the issue names.
            Api("api work queue me (busiest seller)", "/api/work-queue?scope=me&pageSize=25", seller, null),
            Api("api work queue team (its manager)", $"/api/work-queue?scope=team:{targets.Manager?.TeamId}&pageSize=25", manager, null),
            Api("api work queue all (admin)", "/api/work-queue?scope=all&pageSize=25", admin, null),
        };

        Console.WriteLine($"{"scenario",-34} {"users",5} {"requests",8} {"errors",6} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"server RSS MB",13} {"peak MB",8}");
        foreach (var scenario in scenarios.Where(s => options.Only is null || s.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var users in options.Users)
            {
                var api = await RunAsync(users, options, i => SendAsync(http, scenario.Path(i), scenario.Token));
                Print(scenario.Name, users, api, Memory(options.ServerPid));
                if (scenario.Floor is null) continue;
                var floor = await RunAsync(users, options, i => scenario.Floor(targets, i));
                Print("  floor (plain SQL)", users, floor, null);
                Console.WriteLine(string.Create(Invariant, $"  API/floor throughput: {api.PerSecond / Math.Max(floor.PerSecond, 0.001):0.00}"));
            }
        }
        return 0;
    }

    private static Scenario Api(string name, string path, string token, Func<Targets, int, Task>? floor) => new(name, _ => path, token, floor);

    private static Scenario Api(string name, Func<int, string> path, string token, Func<Targets, int, Task>? floor) => new(name, path, token, floor);

    private sealed record Scenario(string Name, Func<int, string> Path, string Token, Func<Targets, int, Task>? Floor);

    private sealed record Stats(int Requests, int Errors, double PerSecond, double P50, double P95, double P99);

    private static async Task<string> SignInAsync(HttpClient http, string email, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Cannot sign in as {email}: {(int)response.StatusCode}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task SendAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{path}: {(int)response.StatusCode}");
    }

    /// <summary>Warms up, then each user sends requests one after another for the duration (or until the request budget is spent).</summary>
    private static async Task<Stats> RunAsync(int users, Options options, Func<int, Task> request)
    {
        for (var i = 0; i < Math.Min(3, options.MaxRequests); i++) { try { await request(i); } catch (Exception) { } }
        var latencies = new List<double>();
        var errors = 0;
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < deadline)
            {
                var n = Interlocked.Increment(ref issued);
                if (n > options.MaxRequests) break;
                var started = Stopwatch.GetTimestamp();
                try { await request(n); }
                catch (Exception) { Interlocked.Increment(ref errors); }
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (latencies) latencies.Add(ms);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new Stats(latencies.Count, errors, latencies.Count / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Print(string name, int users, Stats s, (long Rss, long Peak)? memory) =>
        Console.WriteLine(string.Create(Invariant,
            $"{name,-34} {users,5} {s.Requests,8} {s.Errors,6} {s.PerSecond,8:0.0} {s.P50,8:0.0} {s.P95,8:0.0} {s.P99,8:0.0} {(memory is { } m ? (m.Rss / 1024).ToString(Invariant) : ""),13} {(memory is { } p ? (p.Peak / 1024).ToString(Invariant) : ""),8}"));

    /// <summary>VmRSS and VmHWM of the server, in kB, from /proc.</summary>
    private static (long Rss, long Peak)? Memory(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status")) return null;
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
        }
        return (rss, peak);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Invariant);
    }
}

internal sealed record Options(
    string Url, string AdminEmail, string? SellerEmail, string Password, string Database, string Provider, int? ServerPid,
    int[] Users, double Seconds, int MaxRequests, Guid? BigAccount, string? Only)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string Get(string key, string? fallback = null) => values.TryGetValue(key, out var v) ? v : fallback ?? throw new ArgumentException($"--{key} is required");
        return new Options(
            Get("url", "http://127.0.0.1:5201"), Get("admin-email"), values.GetValueOrDefault("seller-email"), Get("password"),
            Get("database"), Get("provider", "sqlite"), values.TryGetValue("server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Get("users", "1,16").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToArray(),
            double.Parse(Get("seconds", "10"), CultureInfo.InvariantCulture), int.Parse(Get("max-requests", "2000"), CultureInfo.InvariantCulture),
            values.TryGetValue("big-account", out var big) ? Guid.Parse(big) : null, values.GetValueOrDefault("only"));
    }
}

/// <summary>Ids to read, sampled once from the database: a few hundred deals and accounts, the big account, the last page.</summary>
internal sealed class Targets
{
    private Guid[] _opportunities = [];
    private Guid[] _accounts = [];

    public required string Database { get; init; }
    public required string Provider { get; init; }
    public Guid BigAccount { get; private set; }
    public string? BusiestSeller { get; private set; }
    public (string Email, Guid TeamId)? Manager { get; private set; }
    public int LastOpportunityPage { get; private set; }

    public Guid Opportunity(int i) => _opportunities[i % _opportunities.Length];
    public Guid Account(int i) => _accounts[i % _accounts.Length];

    public DbConnection Open()
    {
        DbConnection connection = Provider == "sqlite"
            ? new SqliteConnection($"Data Source={Database};Mode=ReadOnly")
            : new NpgsqlConnection(Database);
        connection.Open();
        return connection;
    }

    /// <summary>A GUID as each provider binds it: SQLite keeps the app's upper-case text.</summary>
    public object Id(Guid id) => Provider == "sqlite" ? id.ToString().ToUpperInvariant() : id;

    public static async Task<Targets> FindAsync(string database, string provider, Guid? bigAccount)
    {
        var targets = new Targets { Database = database, Provider = provider };
        await using var connection = targets.Open();
        targets._opportunities = await Ids(connection, "SELECT \"Id\" FROM \"Opportunities\" WHERE \"DeletedAt\" IS NULL ORDER BY \"CreatedAt\" LIMIT 500");
        targets._accounts = await Ids(connection, "SELECT \"Id\" FROM \"Accounts\" WHERE \"DeletedAt\" IS NULL ORDER BY \"CreatedAt\" LIMIT 500");
        targets.BigAccount = bigAccount ?? (await Ids(connection,
            "SELECT \"AccountId\" FROM \"People\" GROUP BY \"AccountId\" ORDER BY COUNT(*) DESC LIMIT 1"))[0];
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Opportunities\" WHERE \"DeletedAt\" IS NULL";
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        targets.LastOpportunityPage = (int)Math.Max(1, (total + 19) / 20);
        count.CommandText = "SELECT c.\"Email\" FROM \"Opportunities\" o JOIN \"Colleagues\" c ON c.\"Id\" = o.\"OwnerId\" " +
                            "WHERE c.\"Email\" LIKE 'seller.%' GROUP BY c.\"Email\" ORDER BY COUNT(*) DESC LIMIT 1";
        targets.BusiestSeller = await count.ExecuteScalarAsync() as string;
        count.CommandText = "SELECT u.\"Email\", m.\"TeamId\" FROM \"TeamMembers\" m JOIN \"AspNetUsers\" u ON u.\"Id\" = m.\"UserId\" " +
                            "WHERE m.\"Manager\" ORDER BY u.\"Email\" LIMIT 1";
        await using (var managers = await count.ExecuteReaderAsync())
            if (await managers.ReadAsync())
                targets.Manager = (managers.GetString(0), managers.GetValue(1) is Guid g ? g : Guid.Parse(managers.GetString(1)));
        return targets;
    }

    private static async Task<Guid[]> Ids(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetValue(0) is Guid g ? g : Guid.Parse(reader.GetString(0)));
        return [.. ids];
    }
}

/// <summary>
/// The floor: what the API's handlers read, as hand-written SQL on a plain ADO.NET connection
/// (no EF, no access filters, no JSON), so the API's overhead over the database is visible.
/// </summary>
internal static class Floor
{
    /// <summary>As EF shapes the list: the page of deals first (ordered, limited), then their account, owner and influence count.</summary>
    private static string OpportunityPage(string from, string where, int skip) =>
        "SELECT p.\"Id\", p.\"Name\", p.\"AccountId\", a.\"Name\", p.\"FunnelLevel\", p.\"ObjectiveAmount\", p.\"ObjectiveCurrency\", p.\"ObjectiveCloseDate\", " +
        "p.\"OwnerId\", c.\"Name\", (SELECT COUNT(*) FROM \"BuyingInfluences\" b WHERE b.\"OpportunityId\" = p.\"Id\"), p.\"Version\" " +
        $"FROM (SELECT o.* {from} WHERE o.\"DeletedAt\" IS NULL{where} ORDER BY o.\"Name\", o.\"Id\" LIMIT 20 OFFSET {skip}) p " +
        "JOIN \"Accounts\" a ON a.\"Id\" = p.\"AccountId\" LEFT JOIN \"Colleagues\" c ON c.\"Id\" = p.\"OwnerId\" ORDER BY p.\"Name\", p.\"Id\"";

    private const string Deals = "FROM \"Opportunities\" o";
    private const string DealsWithAccounts = "FROM \"Opportunities\" o JOIN \"Accounts\" a0 ON a0.\"Id\" = o.\"AccountId\"";

    public static Func<Targets, int, Task> OpportunitiesPage(int skip) => (t, _) => Read(t,
        $"SELECT COUNT(*) {Deals} WHERE o.\"DeletedAt\" IS NULL",
        OpportunityPage(Deals, "", skip));

    public static Func<Targets, int, Task> OpportunitiesSearch(string text)
    {
        var where = $" AND (lower(o.\"Name\") LIKE '%{text}%' OR lower(a0.\"Name\") LIKE '%{text}%')";
        return (t, _) => Read(t, $"SELECT COUNT(*) {DealsWithAccounts} WHERE o.\"DeletedAt\" IS NULL{where}", OpportunityPage(DealsWithAccounts, where, 0));
    }

    private const string OpportunityFrom =
        " FROM \"Opportunities\" o JOIN \"Accounts\" a ON a.\"Id\" = o.\"AccountId\" LEFT JOIN \"Colleagues\" c ON c.\"Id\" = o.\"OwnerId\" WHERE o.\"DeletedAt\" IS NULL";

    private const string AccountSelect = "SELECT a.\"Id\", a.\"Name\", a.\"Industry\", a.\"Region\", a.\"IdealCustomerScore\", a.\"ParentAccountId\", a.\"OwnerId\", a.\"Version\" FROM \"Accounts\" a WHERE a.\"DeletedAt\" IS NULL";

    public static Func<Targets, int, Task> AccountsPage(int skip) => (t, _) => Read(t,
        "SELECT COUNT(*) FROM \"Accounts\" a WHERE a.\"DeletedAt\" IS NULL",
        $"{AccountSelect} ORDER BY a.\"Name\", a.\"Id\" LIMIT 20 OFFSET {skip}");

    public static Func<Targets, int, Task> AccountsSearch(string text)
    {
        var where = $" AND (lower(a.\"Name\") LIKE '%{text}%' OR lower(a.\"Industry\") LIKE '%{text}%' OR lower(a.\"Region\") LIKE '%{text}%')";
        return (t, _) => Read(t, $"SELECT COUNT(*) FROM \"Accounts\" a WHERE a.\"DeletedAt\" IS NULL{where}", $"{AccountSelect}{where} ORDER BY a.\"Name\", a.\"Id\" LIMIT 20");
    }

    /// <summary>The sheet's reads: the deal with its account and owner, its influences with their people and counterparts, its lists.</summary>
    public static Func<Targets, int, Task> Sheet(Targets targets) => (t, i) => Read(t, targets.Id(targets.Opportunity(i)),
        $"SELECT o.*, a.\"Name\", c.\"Name\"{OpportunityFrom} AND o.\"Id\" = @id",
        "SELECT b.*, p.\"Name\", p.\"Title\", p.\"DepartmentId\", p.\"ReportsToId\", p.\"Status\", k.\"Name\" FROM \"BuyingInfluences\" b JOIN \"People\" p ON p.\"Id\" = b.\"PersonId\" " +
        "LEFT JOIN \"Colleagues\" k ON k.\"Id\" = b.\"CounterpartId\" WHERE b.\"OpportunityId\" = @id ORDER BY b.\"Position\"",
        "SELECT * FROM \"Strengths\" WHERE \"OpportunityId\" = @id",
        "SELECT * FROM \"Objections\" WHERE \"OpportunityId\" = @id",
        "SELECT * FROM \"ManualRedFlags\" WHERE \"OpportunityId\" = @id");

    private static Task Read(Targets t, params string[] statements) => Read(t, null, statements);

    private static async Task Read(Targets t, object? id, params string[] statements)
    {
        await using var connection = t.Open();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (id is not null)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@id";
                parameter.Value = id;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var c = 0; c < reader.FieldCount; c++) _ = reader.GetValue(c);
        }
    }
}
