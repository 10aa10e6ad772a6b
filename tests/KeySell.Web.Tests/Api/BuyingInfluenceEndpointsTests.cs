using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

public abstract class BuyingInfluenceEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private async Task<(HttpClient Client, Guid AccountId, Guid OpportunityId)> DealAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("East China Steel"));
        var opportunity = await client.CreateOpportunityAsync(accountId, "ERP rollout");
        return (client, accountId, opportunity.Id());
    }

    [Fact]
    public async Task Add_WithoutSignIn_Returns401()
    {
        var response = await app.CreateClient().PostAsJsonAsync($"/api/opportunities/{Guid.NewGuid()}/influences", new { newPerson = new { name = "X" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Add_NewPerson_CreatesThePersonInTheAccountAndReturnsTheRow()
    {
        var (client, accountId, opportunityId) = await DealAsync();
        var counterpartId = await app.ColleagueAsync("Our VP Sales");

        var row = await client.AddInfluenceAsync(opportunityId, new
        {
            newPerson = new { name = "Li Wei", title = "CFO" },
            roles = new[] { "economic", "coach" },
            influence = "high",
            support = 2,
            contact = "occasional",
            mode = "growth",
            counterpartId,
            since = "2026-09-01",
            lastContact = "2026-11-20",
            wins = new[] { "recognition" },
            results = new[] { "month-end close in 3 days" },
        });

        row["key"]!.GetValue<string>().ShouldBe("li-wei");
        row["personName"]!.GetValue<string>().ShouldBe("Li Wei");
        row["personTitle"]!.GetValue<string>().ShouldBe("CFO");
        row["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["coach", "economic"]);
        row["influence"]!.GetValue<string>().ShouldBe("high");
        row["support"]!.GetValue<int>().ShouldBe(2);
        row["mode"]!.GetValue<string>().ShouldBe("growth");
        row["counterpartName"]!.GetValue<string>().ShouldBe("Our VP Sales");
        row["since"]!.GetValue<string>().ShouldBe("2026-09-01");
        row["wins"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(["recognition"]);
        var personId = row["personId"]!.GetValue<Guid>();
        (await app.WithDbAsync(db => Task.FromResult(db.People.Single(p => p.Id == personId).AccountId))).ShouldBe(accountId);
    }

    [Fact]
    public async Task Add_SeveralPeople_KeysAreReadableUniqueAndRowsAppendInOrder()
    {
        var (client, accountId, opportunityId) = await DealAsync();
        var existingLiWei = await app.PersonAsync(accountId, "Li Wei");

        var first = await client.AddInfluenceAsync(opportunityId, new { personId = existingLiWei });
        var second = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" } });
        var chinese = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "王芳" } });

        first["key"]!.GetValue<string>().ShouldBe("li-wei");
        second["key"]!.GetValue<string>().ShouldBe("li-wei-2");
        chinese["key"]!.GetValue<string>().ShouldBe("p-" + chinese["personId"]!.GetValue<Guid>().ToString("N")[..8]);
        var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{opportunityId}", Ct))!;
        detail["influences"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ShouldBe(["li-wei", "li-wei-2", chinese["key"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task Add_PersonOfAnotherAccount_Returns400OnPersonId()
    {
        var (client, _, opportunityId) = await DealAsync();
        var stranger = await app.PersonAsync(await app.AccountAsync(Unique("Competitor")), "Stranger");

        var response = await client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/influences", new { personId = stranger }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["personId"]);
    }

    [Fact]
    public async Task Add_PersonAlreadyOnTheDeal_Returns400NamingThePerson()
    {
        var (client, accountId, opportunityId) = await DealAsync();
        var personId = await app.PersonAsync(accountId, "Zhang San");
        await client.AddInfluenceAsync(opportunityId, new { personId });

        var response = await client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/influences", new { personId }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["personId"].ShouldHaveSingleItem().ShouldContain("Zhang San");
    }

    [Fact]
    public async Task Add_InvalidFields_Returns400WithAnErrorPerField()
    {
        var (client, _, opportunityId) = await DealAsync();

        var response = await client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/influences", new
        {
            newPerson = new { name = "", title = new string('t', 201) },
            roles = new[] { "economic", "boss" },
            influence = "huge",
            support = 6,
            contact = "daily",
            mode = "sleepy",
            counterpartId = Guid.NewGuid(),
            wins = new[] { "ok", " ", new string('w', 501) },
            results = Enumerable.Range(1, 51).Select(i => $"result {i}").ToArray(),
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(
            ["newPerson.name", "newPerson.title", "roles[1]", "influence", "support", "contact", "mode", "counterpartId", "wins[1]", "wins[2]", "results"],
            ignoreOrder: true);
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{opportunityId}", Ct))!["influences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_NeitherPersonNorNewPerson_Returns400()
    {
        var (client, _, opportunityId) = await DealAsync();

        var response = await client.PostAsJsonAsync($"/api/opportunities/{opportunityId}/influences", new { roles = new[] { "coach" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["personId"]);
    }

    [Fact]
    public async Task Add_UnknownOpportunity_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync($"/api/opportunities/{Guid.NewGuid()}/influences", new { newPerson = new { name = "X" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_CurrentVersion_SavesTheRow()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" } });

        var response = await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new
        {
            version = 1, roles = new[] { "user" }, influence = "medium", support = -5, contact = "none", mode = "overconfident",
            lastContact = "2026-11-26", results = new[] { "fewer stock-outs" },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var saved = await response.ReadObjectAsync();
        saved.Version().ShouldBe(2);
        saved["support"]!.GetValue<int>().ShouldBe(-5);
        saved["mode"]!.GetValue<string>().ShouldBe("overconfident");
        saved["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["user"]);
        saved["key"]!.GetValue<string>().ShouldBe("li-wei");
    }

    [Fact]
    public async Task Update_RolesChangedWithSinceUntouched_DatesTheRoleChangeToday()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" }, roles = new[] { "user" }, since = "2026-09-01" });
        var before = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);

        var saved = await (await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = 1, roles = new[] { "economic" }, since = "2026-09-01" }, Ct))
            .ReadObjectAsync();

        var since = DateOnly.Parse(saved["since"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        since.ShouldBeInRange(before, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date));
    }

    [Fact]
    public async Task Update_RolesChangedWithSinceSetByTheCaller_KeepsTheCallersDay()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" }, roles = new[] { "user" }, since = "2026-09-01" });

        var saved = await (await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = 1, roles = new[] { "economic" }, since = "2026-10-15" }, Ct))
            .ReadObjectAsync();

        saved["since"]!.GetValue<string>().ShouldBe("2026-10-15");
    }

    [Fact]
    public async Task Update_SameRoles_KeepsSince()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" }, roles = new[] { "user" }, since = "2026-09-01" });

        var saved = await (await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = 1, roles = new[] { "user" }, since = "2026-09-01", support = 2 }, Ct))
            .ReadObjectAsync();

        saved["since"]!.GetValue<string>().ShouldBe("2026-09-01");
    }

    [Fact]
    public async Task Update_SupportUnknown_StoresNull()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" }, support = 3 });

        var saved = await (await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = 1, support = (int?)null }, Ct)).ReadObjectAsync();

        saved["support"].ShouldBeNull();
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstWritersRow()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" } });
        var url = $"/api/influences/{row.Id()}";

        var first = await client.PutAsJsonAsync(url, new { version = 1, support = 4, mode = "growth" }, Ct);
        var second = await client.PutAsJsonAsync(url, new { version = 1, support = -4, mode = "even-keel" }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stored = (await client.GetFromJsonAsync<JsonObject>(url, Ct))!;
        stored["support"]!.GetValue<int>().ShouldBe(4);
        stored["mode"]!.GetValue<string>().ShouldBe("growth");
    }

    [Fact]
    public async Task Update_OutOfRangeSupport_Returns400OnSupport()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" } });

        var response = await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = 1, support = -6 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["support"]);
    }

    [Fact]
    public async Task Update_UnknownInfluence_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PutAsJsonAsync($"/api/influences/{Guid.NewGuid()}", new { version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Remove_CurrentVersion_Returns204AndDetachesObjectionsAndFlags()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" } });
        (await client.PutAsJsonAsync($"/api/opportunities/{opportunityId}/lists", new
        {
            version = 1,
            redFlags = new[] { new { text = "Might leave", influence = "li-wei" } },
            objections = new[] { new { from = "li-wei", text = "Too dear", status = "open" } },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.DeleteAsync($"/api/influences/{row.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{opportunityId}", Ct))!;
        detail["influences"]!.AsArray().ShouldBeEmpty();
        detail["objections"]![0]!["from"].ShouldBeNull();
        detail["redFlags"]![0]!["influence"].ShouldBeNull();
        (await client.GetAsync($"/api/opportunities/{opportunityId}/sheet", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Remove_StaleVersion_Returns409AndKeepsTheRow()
    {
        var (client, _, opportunityId) = await DealAsync();
        var row = await client.AddInfluenceAsync(opportunityId, new { newPerson = new { name = "Li Wei" } });
        await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = 1, support = 1 }, Ct);

        var response = await client.DeleteAsync($"/api/influences/{row.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetAsync($"/api/influences/{row.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Remove_UnknownInfluence_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.DeleteAsync($"/api/influences/{Guid.NewGuid()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class BuyingInfluenceEndpointsTests_Sqlite(SqliteApp app) : BuyingInfluenceEndpointsTests<SqliteApp>(app);
public sealed class BuyingInfluenceEndpointsTests_Postgres(PostgresApp app) : BuyingInfluenceEndpointsTests<PostgresApp>(app);
