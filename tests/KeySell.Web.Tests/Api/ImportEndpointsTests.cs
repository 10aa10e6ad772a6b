using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>CRM imports through the API: a background job in the database, idempotent by external id, owned by the importer.</summary>
public abstract class ImportEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Member-Passw0rd!";

    private async Task<(HttpClient Client, Guid ColleagueId)> SellerAsync(HttpClient admin)
    {
        var email = $"seller-{Guid.NewGuid():N}@keysell.test";
        var response = await admin.PostAsJsonAsync("/api/users", new { email, name = Unique("Importing seller"), role = "seller", password = Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var user = await response.ReadObjectAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return (client, user["colleagueId"]!.GetValue<Guid>());
    }

    /// <summary>Uploads, then follows the job until the background worker is done with it.</summary>
    private static async Task<JsonObject> ImportAsync(HttpClient client, string kind, string csv, bool dryRun = false)
    {
        var response = await client.PostAsync($"/api/imports?kind={kind}&fileName={kind}.csv&dryRun={dryRun}", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var id = (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetObjectAsync($"/api/imports/{id}");
            if (job["state"]!.GetValue<string>() is "done" or "failed") return job;
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException($"Import {id} did not finish.");
    }

    private static long Count(JsonObject job, string name) => job[name]!.GetValue<long>();

    [Fact]
    public async Task Import_SalesforceAccountsTwice_SecondRunChangesNothing()
    {
        var admin = await app.CreateAdminClientAsync();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var csv = $"Id,Name,ParentId,Industry,OwnerId\n{prefix}A,{Unique("华东钢铁集团")},,Steel,005X\n{prefix}B,{Unique("华东钢铁冷轧厂")},{prefix}A,Steel,005X\n";

        var first = await ImportAsync(admin, "accounts", csv);
        var history = await app.WithDbAsync(db => db.ChangeRecords.CountAsync(Ct));
        var second = await ImportAsync(admin, "accounts", csv);

        first["state"]!.GetValue<string>().ShouldBe("done");
        (Count(first, "created"), Count(first, "badRows")).ShouldBe((2, 0));
        first["source"]!.GetValue<string>().ShouldBe("salesforce");
        first["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["OwnerId"]);
        (Count(second, "created"), Count(second, "updated"), Count(second, "unchanged")).ShouldBe((0, 0, 2));
        (await app.WithDbAsync(db => db.ChangeRecords.CountAsync(Ct))).ShouldBe(history);
        var plant = await app.WithDbAsync(db => db.Accounts.Include(a => a.ParentAccount).SingleAsync(a => a.ExternalId == prefix + "B", Ct));
        plant.ParentAccount!.ExternalId.ShouldBe(prefix + "A");
    }

    [Fact]
    public async Task Import_BySeller_IsOwnedByThemAndCannotChangeOthersAccounts()
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, colleague) = await SellerAsync(admin);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        // The admin's own account with an external id the seller's file names too.
        await ImportAsync(admin, "accounts", $"Id,Name\n{prefix}ADMIN,{Unique("Admin's account")}\n");

        var job = await ImportAsync(seller, "accounts", $"Id,Name\n{prefix}MINE,{Unique("Seller's account")}\n{prefix}ADMIN,Taken over\n");

        (Count(job, "created"), Count(job, "badRows")).ShouldBe((1, 1));
        var problem = job["firstProblems"]!.AsArray().Single()!;
        problem["row"]!.GetValue<long>().ShouldBe(3);
        problem["column"]!.GetValue<string>().ShouldBe("Id");
        (await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.ExternalId == prefix + "MINE", Ct))).OwnerId.ShouldBe(colleague);
        (await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.ExternalId == prefix + "ADMIN", Ct))).Name.ShouldNotBe("Taken over");
        // The seller's job is theirs: the admin sees it, another seller does not.
        var (other, _) = await SellerAsync(admin);
        (await other.GetAsync($"/api/imports/{job["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/imports/{job["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Import_SellerNamingAnotherOwner_IsRefusedForThatRow()
    {
        var admin = await app.CreateAdminClientAsync();
        var (seller, _) = await SellerAsync(admin);

        var job = await ImportAsync(seller, "accounts", $"Name,Owner Email\n{Unique("Someone else's")},{KeySellApp.AdminEmail}\n");

        Count(job, "badRows").ShouldBe(1);
        job["firstProblems"]![0]!["column"]!.GetValue<string>().ShouldBe("Owner Email");
    }

    [Fact]
    public async Task DryRun_IdRepeatedInALaterBatch_ReportsThatRowAndFindsReferencesToEarlierBatches()
    {
        var admin = await app.CreateAdminClientAsync();
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("Id,Name,ParentId\n");
        // A full first batch (rows 2 to 5,001), then a second batch that repeats row 2's id and names row 3 as a parent.
        for (var i = 0; i < KeySell.Application.Imports.RunImport.BatchSize; i++) csv.Append($"{prefix}-{i},Account {i},\n");
        csv.Append($"{prefix}-0,Twin of the first,\n");
        csv.Append($"{prefix}-last,Child of the second,{prefix}-1\n");

        var job = await ImportAsync(admin, "accounts", csv.ToString(), dryRun: true);

        job["state"]!.GetValue<string>().ShouldBe("done");
        (Count(job, "created"), Count(job, "badRows")).ShouldBe((5_001, 1));
        var problem = job["firstProblems"]!.AsArray().Single()!;
        problem["row"]!.GetValue<long>().ShouldBe(5_002);
        problem["column"]!.GetValue<string>().ShouldBe("Id");
        problem["message"]!.GetValue<string>().ShouldContain($"'{prefix}-0'");
    }

    [Fact]
    public async Task ErrorFile_ListsBadRowsWithTheirProblem()
    {
        var admin = await app.CreateAdminClientAsync();

        var job = await ImportAsync(admin, "opportunities", "Opportunity Name,Account Name,Amount\nNo account,,12\n", dryRun: true);
        var errors = await admin.GetAsync($"/api/imports/{job["id"]}/errors", Ct);

        errors.StatusCode.ShouldBe(HttpStatusCode.OK);
        errors.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await errors.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe(["row,Opportunity Name,Account Name,Amount,problem", "2,No account,,12,Account Name: This field is required."]);
    }

    [Fact]
    public async Task Start_UnknownKind_Returns400ProblemNamingKind()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PostAsync("/api/imports?kind=leads", new StringContent("Name\nX\n"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadObjectAsync())["errors"]!["kind"].ShouldNotBeNull();
    }
}

public sealed class ImportEndpointsTests_Sqlite(SqliteApp app) : ImportEndpointsTests<SqliteApp>(app);
public sealed class ImportEndpointsTests_Postgres(PostgresApp app) : ImportEndpointsTests<PostgresApp>(app);
