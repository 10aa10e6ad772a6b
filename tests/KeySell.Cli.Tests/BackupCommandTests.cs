using System.Collections.Concurrent;
using System.Text.Json;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Retries;
using KeySell.Application.Security;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Imports;
using KeySell.Domain.Money;
using KeySell.Domain.Reviews;
using KeySell.Domain.Quotas;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeySell.Cli.Tests;

public sealed class BackupCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_WhileAnotherTaskWrites_CopyIsIntactAndHoldsEveryRowCommittedBeforeItBegan()
    {
        await using var sandbox = new CliSandbox();
        (await sandbox.Run("seed-demo")).ExitCode.ShouldBe(0);
        var committed = new ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                await sandbox.ChangeAsync(db => { db.Colleagues.Add(new Colleague { Id = id, Name = "Writer " + id.ToString("N")[..8], Email = $"{id:N}@writer.example" }); return Task.CompletedTask; });
                committed.Enqueue(id);
            }
        }, Ct);
        while (committed.Count < 30) await Task.Delay(10, Ct);

        var before = committed.ToArray();
        var result = await sandbox.Run("backup", sandbox.PathOf("copy.db"));
        var afterBackup = committed.Count;
        while (committed.Count < afterBackup + 10) await Task.Delay(10, Ct); // the writer kept going
        await stop.CancelAsync();
        await writer;

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("integrity check ok");
        await using var copy = new SqliteConnection($"Data Source={sandbox.PathOf("copy.db")};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(Ct);
        await using (var check = copy.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            (await check.ExecuteScalarAsync(Ct)).ShouldBe("ok");
        }
        var inCopy = new HashSet<Guid>();
        await using (var read = copy.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM Colleagues";
            await using var reader = await read.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) inCopy.Add(reader.GetGuid(0));
        }
        before.Where(id => !inCopy.Contains(id)).ShouldBeEmpty();
        inCopy.Count.ShouldBeLessThan(before.Length + committed.Count + 10); // not a copy of a later moment than the end
    }

    [Fact]
    public async Task Backup_FileExists_RefusedWithoutForce()
    {
        await using var sandbox = new CliSandbox();
        (await sandbox.Run("migrate")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(sandbox.PathOf("taken.db"), "keep me", Ct);

        var result = await sandbox.Run("backup", sandbox.PathOf("taken.db"));

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--force");
        (await File.ReadAllTextAsync(sandbox.PathOf("taken.db"), Ct)).ShouldBe("keep me");
    }

    [Fact]
    public async Task Restore_IntoADatabaseWithData_RefusedWithoutForce_ReplacedWithForce()
    {
        await using var source = new CliSandbox();
        (await source.Run("seed-demo")).ExitCode.ShouldBe(0);
        (await source.Run("backup", source.PathOf("demo.db"))).ExitCode.ShouldBe(0);
        await using var target = new CliSandbox();
        // Deals of its own, so the funnel's running totals have something to forget.
        (await target.Run("seed-demo")).ExitCode.ShouldBe(0);
        await target.ChangeAsync(db => { db.Colleagues.Add(new Colleague { Name = "Only here" }); return Task.CompletedTask; });

        var refused = await target.Run("restore", source.PathOf("demo.db"));
        var forced = await target.Run("restore", source.PathOf("demo.db"), "--force");

        refused.ExitCode.ShouldBe(1);
        refused.ErrorLines.ShouldHaveSingleItem().ShouldContain("not empty");
        forced.ExitCode.ShouldBe(0, forced.Error);
        (await target.OpportunityCountAsync()).ShouldBe(5);
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={target.PathOf("keysell.db")}");
        (await db.Colleagues.AnyAsync(c => c.Name == "Only here", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_IntoAnEmptyDatabase_NeedsNoForce()
    {
        await using var source = new CliSandbox();
        (await source.Run("seed-demo")).ExitCode.ShouldBe(0);
        (await source.Run("backup", source.PathOf("demo.db"))).ExitCode.ShouldBe(0);
        await using var target = new CliSandbox();

        var result = await target.Run("restore", source.PathOf("demo.db"));

        result.ExitCode.ShouldBe(0, result.Error);
        (await target.OpportunityCountAsync()).ShouldBe(5);
    }

    [Fact]
    public async Task Restore_NotADatabase_RefusedAndTheTargetKept()
    {
        await using var sandbox = new CliSandbox();
        (await sandbox.Run("seed-demo")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(sandbox.PathOf("junk.db"), new string('x', 10_000), Ct);

        var result = await sandbox.Run("restore", sandbox.PathOf("junk.db"), "--force");

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem();
        (await sandbox.OpportunityCountAsync()).ShouldBe(5);
    }

    [Fact]
    public async Task Backup_OnPostgres_PrintsTheServerVersionAndPgDumpUse_WritesNothing()
    {
        await using var database = await TestPostgres.CreateAsync();
        await using var sandbox = new CliSandbox();
        database.Use(sandbox);
        (await sandbox.Run("migrate")).ExitCode.ShouldBe(0);
        string serverVersion;
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            serverVersion = connection.PostgreSqlVersion.Major.ToString();
        }

        var result = await sandbox.Run("backup", sandbox.PathOf("pg.dump"));

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain($"runs PostgreSQL {serverVersion}");
        result.Out.ShouldContain("pg_dump --format=custom");
        File.Exists(sandbox.PathOf("pg.dump")).ShouldBeFalse();
    }

    [Fact]
    public async Task ExportAll_SqliteToPostgresAndBack_EveryTableEveryColumnEveryRowKept()
    {
        await using var source = new CliSandbox();
        (await source.Run("seed-demo")).ExitCode.ShouldBe(0);
        await FillEveryTableAsync(source);
        var a = source.PathOf("a.jsonl");
        var exportA = await source.Run("export-all", a);
        exportA.ExitCode.ShouldBe(0, exportA.Error);
        var first = ExportFile.Read(a);
        // A new table with no rows here would be "kept" trivially: give it rows in FillEveryTableAsync.
        first.Tables.Where(t => t.Value.Count == 0).Select(t => t.Key).ShouldBeEmpty("tables without rows in the round-trip data");
        await using (var sqlite = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={source.PathOf("keysell.db")}"))
            first.Tables.Keys.Order().ShouldBe(sqlite.Model.GetRelationalModel().Tables.Select(t => t.Name).Order());

        await using var database = await TestPostgres.CreateAsync();
        await using var postgres = new CliSandbox();
        database.Use(postgres);
        var importB = await postgres.Run("import-all", a);
        importB.ExitCode.ShouldBe(0, importB.Error);
        var b = postgres.PathOf("b.jsonl");
        (await postgres.Run("export-all", b)).ExitCode.ShouldBe(0);

        await using var back = new CliSandbox();
        var importC = await back.Run("import-all", b);
        importC.ExitCode.ShouldBe(0, importC.Error);
        var c = back.PathOf("c.jsonl");
        (await back.Run("export-all", c)).ExitCode.ShouldBe(0);

        // PostgreSQL keeps moments to the microsecond; SQLite's seventh digit is the only thing that may not survive.
        ExportFile.Read(b).ShouldBeSameRecordsAs(first);
        ExportFile.Read(c).ShouldBeSameRecordsAs(first);

        // Read back through the model, not the export: the same users with the same password hashes, the same history.
        await using var sourceDb = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={source.PathOf("keysell.db")}");
        await using var postgresDb = AppDbContextFactory.Create(DatabaseProvider.Postgres, database.ConnectionString);
        (await postgresDb.Users.OrderBy(u => u.Email).Select(u => new { u.Email, u.PasswordHash, u.Role, u.SecurityStamp }).ToListAsync(Ct))
            .ShouldBe(await sourceDb.Users.OrderBy(u => u.Email).Select(u => new { u.Email, u.PasswordHash, u.Role, u.SecurityStamp }).ToListAsync(Ct));
        (await postgresDb.ChangeRecords.CountAsync(Ct)).ShouldBe(await sourceDb.ChangeRecords.CountAsync(Ct));
        (await postgresDb.Opportunities.Select(o => o.Name).OrderBy(n => n).ToListAsync(Ct))
            .ShouldBe(await sourceDb.Opportunities.Select(o => o.Name).OrderBy(n => n).ToListAsync(Ct));

        // The funnel's running totals are not in the file; each import makes them from the deals it loaded.
        var funnel = await FunnelAsync(source);
        funnel.ShouldContain("\"levels\"");
        (await FunnelAsync(postgres)).ShouldBe(funnel);
        (await FunnelAsync(back)).ShouldBe(funnel);

        // The moved PostgreSQL database keeps working: new history and security-log lines get ids after the imported ones.
        var created = await postgres.Run("teams", "create", "After the move");
        created.ExitCode.ShouldBe(0, created.Error);
        var users = await postgres.Run("users", "create", "after.move@example.com", "--name", "After Move", "--role", "seller", "--password", "After-Move-Passw0rd!");
        users.ExitCode.ShouldBe(0, users.Error);
    }

    [Fact]
    public async Task ImportAll_IntoADatabaseWithData_RefusedWithoutForce_ReplacedWithForce()
    {
        await using var source = new CliSandbox();
        (await source.Run("seed-demo")).ExitCode.ShouldBe(0);
        (await source.Run("export-all", source.PathOf("demo.jsonl"))).ExitCode.ShouldBe(0);
        await using var target = new CliSandbox();
        // Deals of its own, so the funnel's running totals have something to forget.
        (await target.Run("seed-demo")).ExitCode.ShouldBe(0);
        await target.ChangeAsync(db => { db.Colleagues.Add(new Colleague { Name = "Only here" }); return Task.CompletedTask; });

        var refused = await target.Run("import-all", source.PathOf("demo.jsonl"));
        var forced = await target.Run("import-all", source.PathOf("demo.jsonl"), "--force");

        refused.ExitCode.ShouldBe(1);
        refused.ErrorLines.ShouldHaveSingleItem().ShouldContain("not empty");
        forced.ExitCode.ShouldBe(0, forced.Error);
        (await target.OpportunityCountAsync()).ShouldBe(5);
        await using var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={target.PathOf("keysell.db")}");
        (await db.Colleagues.AnyAsync(c => c.Name == "Only here", Ct)).ShouldBeFalse();
        (await db.ChangeRecords.CountAsync(Ct)).ShouldBeGreaterThan(0);
        (await FunnelAsync(target)).ShouldBe(await FunnelAsync(source));
    }

    [Fact]
    public async Task ImportAll_AFileCutShort_RefusedWithItsLine_NothingImported()
    {
        await using var source = new CliSandbox();
        (await source.Run("seed-demo")).ExitCode.ShouldBe(0);
        (await source.Run("export-all", source.PathOf("demo.jsonl"))).ExitCode.ShouldBe(0);
        var lines = await File.ReadAllLinesAsync(source.PathOf("demo.jsonl"), Ct);
        await File.WriteAllLinesAsync(source.PathOf("cut.jsonl"), lines[..^1], Ct);
        await using var target = new CliSandbox();

        var result = await target.Run("import-all", source.PathOf("cut.jsonl"));

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain($"cut.jsonl:{lines.Length}:");
        (await target.OpportunityCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ImportAll_AValueThatDoesNotFitItsColumn_RefusedWithItsLine()
    {
        await using var source = new CliSandbox();
        (await source.Run("seed-demo")).ExitCode.ShouldBe(0);
        (await source.Run("export-all", source.PathOf("demo.jsonl"))).ExitCode.ShouldBe(0);
        var lines = await File.ReadAllLinesAsync(source.PathOf("demo.jsonl"), Ct);
        var header = Array.FindIndex(lines, l => l.StartsWith("{\"table\":\"Opportunities\"", StringComparison.Ordinal));
        lines[header + 1] = "[" + string.Join(",", Enumerable.Repeat("{\"not\":\"a value\"}", JsonDocument.Parse(lines[header]).RootElement.GetProperty("columns").GetArrayLength())) + "]";
        await File.WriteAllLinesAsync(source.PathOf("bad.jsonl"), lines, Ct);
        await using var target = new CliSandbox();

        var result = await target.Run("import-all", source.PathOf("bad.jsonl"));

        result.ExitCode.ShouldBe(1);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain($"bad.jsonl:{header + 2}:");
        (await target.OpportunityCountAsync()).ShouldBe(0);
    }

    /// <summary>Rows in the tables the demo leaves empty: users, sessions, sign-in keys, the security log, shares and Identity's own tables.</summary>
    private static async Task FillEveryTableAsync(CliSandbox sandbox)
    {
        (await sandbox.Run("users", "create", "round.trip@example.com", "--name", "Round Trip", "--role", "seller", "--password", "Round-Trip-Passw0rd!")).ExitCode.ShouldBe(0);
        string deal, account;
        await using (var db = AppDbContextFactory.Create(DatabaseProvider.Sqlite, $"Data Source={sandbox.PathOf("keysell.db")}"))
        {
            deal = (await db.Opportunities.OrderBy(x => x.Name).Select(x => x.Id).FirstAsync(Ct)).ToString();
            account = (await db.Accounts.OrderBy(x => x.Name).Select(x => x.Id).FirstAsync(Ct)).ToString();
        }
        (await sandbox.Run("share", deal, "--user", "round.trip@example.com", "--access", "read")).ExitCode.ShouldBe(0);
        (await sandbox.Run("account-team", account, "--member", "round.trip@example.com")).ExitCode.ShouldBe(0);
        await sandbox.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("round.trip@example.com"))!;
            await services.GetRequiredService<Sessions>().OpenAsync(user.Id, "round-trip test", Ct);
            await services.GetRequiredService<SecurityLog>().RecordAsync("test", user.Id, user.Email, "a line of the security log", Ct);
            var db = services.GetRequiredService<AppDbContext>();
            var role = new IdentityRole("legacy") { NormalizedName = "LEGACY" };
            db.Roles.Add(role);
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = "scope", ClaimValue = "all" });
            db.UserRoles.Add(new IdentityUserRole<string> { RoleId = role.Id, UserId = user.Id });
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = "nickname", ClaimValue = "小周" });
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "corp", ProviderKey = "rt-1", ProviderDisplayName = "Corp SSO" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "corp", Name = "refresh", Value = "opaque" });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\"><descriptor/></key>" });
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                Id = Guid.NewGuid(), UserId = user.Id, Key = "retry-1", Fingerprint = new string('a', 64), StartedAt = DateTimeOffset.UtcNow,
                Status = 201, ContentType = "application/json", Location = "/api/colleagues/1", Body = [0, 1, 2, 250, 255],
            });
            db.ImportJobs.Add(new ImportJob
            {
                UserId = user.Id, Kind = ImportKind.Contacts, FileName = "Contact.csv", StoredFile = "imports/incoming/x", FileBytes = 1234,
                Mapping = "{\"Email\":\"email\"}", Source = "salesforce", State = ImportState.Done, RowsRead = 3, Created = 2, BadRows = 1, Problems = 1,
                FirstProblems = "[{\"row\":3,\"column\":\"Email\",\"message\":\"联系人\"}]", Message = "done",
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-1), FinishedAt = DateTimeOffset.UtcNow,
            });
            db.ImportMappings.Add(new ImportMapping { UserId = user.Id, Name = "HubSpot 联系人", Kind = ImportKind.Contacts, Columns = "{\"E-mail\":\"email\"}" });
            db.CalendarLinks.Add(new KeySell.Application.Calendar.CalendarLink
            {
                UserId = user.Id, SecretHash = KeySell.Application.Calendar.CalendarLink.HashOf(KeySell.Application.Calendar.CalendarLink.NewSecret())!,
                IssuedAt = DateTimeOffset.UtcNow,
            });
            // A criterion of the team's own beside the demo's defaults, rated with a note in both scripts.
            var criterion = db.FitCriteria.Add(new KeySell.Domain.Accounts.FitCriterion { Name = "参考价值 Reference value", Description = "Would a win here convince others?", Weight = 4, Position = 9 }).Entity;
            db.FitRatings.Add(new KeySell.Domain.Accounts.FitRating { AccountId = Guid.Parse(account), CriterionId = criterion.Id, Rating = -3, Note = "没有同行业案例 / no peer references" });
            db.TeamSettings.Add(new TeamSettings { BaseCurrency = "USD", WinRateAbove = 0.12m });
            db.CurrencyRates.Add(new CurrencyRate { Currency = "CNY", RateToBase = 0.1408450704m });
            db.Reviews.Add(new Review { OpportunityId = Guid.Parse(deal), At = DateTimeOffset.UtcNow, ByUserId = user.Id, Note = "复核：客户预算已确认" });
            db.Quotas.Add(new Quota { UserId = user.Id, Period = "2027-Q1", Amount = 1_250_000.50m });
            // A self-check taken and a drill question answered: progress is kept with the rest.
            db.LearningResults.Add(new KeySell.Domain.Learning.LearningResult { UserId = user.Id, Kind = KeySell.Domain.Learning.LearningKind.SelfCheck, Topic = "4-1", Score = 0.8571m, TakenAt = DateTimeOffset.UtcNow });
            db.LearningResults.Add(new KeySell.Domain.Learning.LearningResult { UserId = user.Id, Kind = KeySell.Domain.Learning.LearningKind.Drill, Topic = "red-flag", Score = 1m, TakenAt = DateTimeOffset.UtcNow, Reference = $"2026-11-30/red-flag:{deal}" });
            // The selling toolkit of sheet version 2, in both scripts.
            var dealId = Guid.Parse(deal);
            var influence = await db.BuyingInfluences.Where(i => i.OpportunityId == dealId).OrderBy(i => i.Position).Select(i => i.Key).FirstAsync(Ct);
            db.Milestones.Add(new KeySell.Domain.Process.ProcessMilestone { OpportunityId = dealId, Milestone = KeySell.Domain.Process.Milestone.PreCallResearch, Done = new DateOnly(2026, 10, 2), Evidence = "SWOT 已完成" });
            db.Calls.Add(new KeySell.Domain.Calls.Call
            {
                OpportunityId = dealId, Key = "c1", Date = new DateOnly(2026, 11, 20), With = [influence], Status = KeySell.Domain.Calls.CallStatus.Done,
                Commitment = "同意试点 / a pilot", Questions = [new(KeySell.Domain.Calls.SpinType.NeedPayoff, "缩短结账周期值多少？")],
                Outcome = KeySell.Domain.Calls.CallOutcome.Advance, Notes = "Pilot in January",
            });
            var colleague = await db.Colleagues.OrderBy(c => c.Name).FirstAsync(Ct);
            db.Actions.Add(new KeySell.Domain.Actions.SellingAction
            {
                OpportunityId = dealId, Key = "a1", Text = "发送宝钢案例 / send the reference case", OwnerId = colleague.Id, Due = new DateOnly(2026, 12, 1),
                InfluenceKey = influence, Addresses = ["coach-weak"],
            });
            var needs = db.NeedsAnalyses.Add(new KeySell.Domain.Needs.NeedsAnalysis { OpportunityId = dealId, CurrentState = "月结需要12天" }).Entity;
            var branch = db.NeedNodes.Add(new KeySell.Domain.Needs.NeedNode { OpportunityId = dealId, Layer = KeySell.Domain.Needs.NeedLayer.Finance, Problem = "现金占用" }).Entity;
            db.NeedNodes.Add(new KeySell.Domain.Needs.NeedNode { OpportunityId = dealId, ParentId = branch.Id, Problem = "人工对账", Solution = "自动三单匹配" });
            db.Swots.Add(new KeySell.Domain.Swot.SwotAnalysis { AccountId = Guid.Parse(account), Strengths = ["本地服务中心"], Threats = ["Incumbent's price cut"] });
            db.InfluenceLines.Add(new KeySell.Domain.BuyingInfluences.InfluenceLine
            {
                OpportunityId = dealId, FromKey = influence, ToKey = await db.BuyingInfluences.Where(i => i.OpportunityId == dealId).OrderBy(i => i.Position).Select(i => i.Key).Skip(1).FirstAsync(Ct),
                Strength = KeySell.Domain.BuyingInfluences.LineStrength.Strong, Note = "听他的",
            });
            // The relationship map: a line between two people of the account on no deal, and where this user dropped one of them.
            var accountId = await db.Opportunities.Where(o => o.Id == dealId).Select(o => o.AccountId).FirstAsync(Ct);
            var pair = await db.People.Where(p => p.AccountId == accountId).OrderByDescending(p => p.Name).Select(p => p.Id).Take(2).ToListAsync(Ct);
            db.PersonLines.Add(new KeySell.Domain.RelationshipMap.PersonLine
            {
                AccountId = accountId, FromPersonId = pair[1], ToPersonId = pair[0], Strength = KeySell.Domain.BuyingInfluences.LineStrength.Weak, Note = "同乡 / from the same town",
            });
            db.MapPositions.Add(new KeySell.Domain.RelationshipMap.MapPosition
            {
                UserId = user.Id, Kind = KeySell.Domain.RelationshipMap.MapKind.Account, MapId = accountId, PersonId = pair[0], X = 12.5, Y = -40.25,
            });
            await db.SaveChangesAsync(Ct);
            return true;
        });
    }

    /// <summary>An export file as records per table: column name → JSON value, moments cut to the microsecond.</summary>
    /// <summary>The funnel summary part of <c>keysell funnel --json</c> (the coverage part depends on the day's clock).</summary>
    private static async Task<string> FunnelAsync(CliSandbox sandbox)
    {
        var result = await sandbox.Run("funnel", "--json");
        result.ExitCode.ShouldBe(0, result.Error);
        return System.Text.Json.Nodes.JsonNode.Parse(result.Out)!["funnel"]!.ToJsonString();
    }

    private sealed record ExportFile(Dictionary<string, List<string>> Tables)
    {
        public static ExportFile Read(string path)
        {
            var tables = new Dictionary<string, List<string>>();
            List<string>? rows = null;
            string[] columns = [];
            foreach (var line in File.ReadLines(path))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("table", out var table))
                    {
                        columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
                        tables[table.GetString()!] = rows = [];
                    }
                    continue;
                }
                var values = root.EnumerateArray().Select(Normalized).ToArray();
                // Columns in name order, so two files whose columns came in different orders still compare.
                rows!.Add(string.Join(" | ", columns.Zip(values).OrderBy(p => p.First, StringComparer.Ordinal).Select(p => $"{p.First}={p.Second}")));
            }
            foreach (var list in tables.Values) list.Sort(StringComparer.Ordinal);
            return new ExportFile(tables);
        }

        private static string Normalized(JsonElement value) =>
            value.ValueKind == JsonValueKind.String && value.GetString() is { Length: >= 20 } text && text[10] == 'T' && DateTimeOffset.TryParse(text, out var moment)
                ? new DateTimeOffset(moment.UtcTicks - moment.UtcTicks % 10, TimeSpan.Zero).ToString("O")
                : value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("G29", System.Globalization.CultureInfo.InvariantCulture) : value.GetRawText();

        public void ShouldBeSameRecordsAs(ExportFile expected)
        {
            Tables.Keys.Order().ShouldBe(expected.Tables.Keys.Order());
            foreach (var (table, rows) in expected.Tables)
            {
                Tables[table].Count.ShouldBe(rows.Count, $"rows of {table}");
                for (var i = 0; i < rows.Count; i++) Tables[table][i].ShouldBe(rows[i], $"{table}, record {i + 1}");
            }
        }
    }
}

/// <summary>A PostgreSQL database of its own on the server ./test.sh starts (KEYSELL_TEST_POSTGRES).</summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private TestPostgres(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("KEYSELL_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("KEYSELL_TEST_POSTGRES is not set; run ./test.sh or export it (e.g. Host=127.0.0.1;Port=5432;Username=postgres).");
        var name = $"keysell_cli_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new TestPostgres(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public void Use(CliSandbox sandbox)
    {
        sandbox.Settings["KeySell:Database:Provider"] = "postgres";
        sandbox.Settings["ConnectionStrings:KeySell"] = ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
