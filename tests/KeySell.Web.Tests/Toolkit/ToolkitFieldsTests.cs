using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Domain.Objections;
using KeySell.Domain.OrgCharts;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Toolkit;

/// <summary>The fields issue 10 adds to existing records: objection steps and evidence, seniority, the deal's creation day.</summary>
public abstract class ToolkitFieldsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Fact]
    public async Task SaveLists_ObjectionStepsAndAnswer_AreStoredInTheMethodsOrder()
    {
        var client = await app.CreateAdminClientAsync();
        var deal = (await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Steps")), "Steps")).Id();
        await client.AddInfluenceAsync(deal, new { newPerson = new { name = "Li Wei" } });

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal}/lists", new
        {
            version = 1,
            objections = new object[]
            {
                new { from = "li-wei", text = "Price above budget", steps = new[] { "restated", "listened", "confirmed" }, answer = "third-party-data" },
                new { from = (string?)null, text = "Too early", steps = Array.Empty<string>(), answer = (string?)null },
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var objections = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct))!["objections"]!.AsArray();
        objections[0]!["steps"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["listened", "confirmed", "restated"]);
        objections[0]!["answer"]!.GetValue<string>().ShouldBe("third-party-data");
        objections[1]!["steps"]!.AsArray().ShouldBeEmpty();
        objections[1]!["answer"].ShouldBeNull();
        var sheet = await app.SheetAsync(deal);
        sheet.Objections[0].Steps.ShouldBe([ObjectionStep.Listened, ObjectionStep.Confirmed, ObjectionStep.Restated]);
        sheet.Objections[0].Answer.ShouldBe(ObjectionAnswer.ThirdPartyData);
    }

    [Fact]
    public async Task SaveLists_UnknownOrRepeatedStepAndBadAnswer_Returns400QuotingTheValue()
    {
        var client = await app.CreateAdminClientAsync();
        var deal = (await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Steps bad")), "Steps bad")).Id();

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal}/lists", new
        {
            version = 1,
            objections = new object[] { new { text = "Too dear", steps = new[] { "listened", "ignored", "listened" }, answer = "gut-feeling" } },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["objections[0].steps[1]", "objections[0].steps[2]", "objections[0].answer"], ignoreOrder: true);
        errors["objections[0].steps[1]"].ShouldHaveSingleItem().ShouldContain("ignored");
        errors["objections[0].steps[2]"].ShouldHaveSingleItem().ShouldContain("listened");
        errors["objections[0].answer"].ShouldHaveSingleItem().ShouldContain("gut-feeling");
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct))!["objections"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Person_Seniority_IsStoredAndShownOnTheInfluenceAndTheSheet()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Vito"));
        var created = await client.PostAsJsonAsync("/api/people", new { accountId, name = "Zhou Gang", title = "Group CFO", seniority = "top-officer" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var person = await created.ReadObjectAsync();
        var deal = (await client.CreateOpportunityAsync(accountId, "Vito deal")).Id();

        var influence = await client.AddInfluenceAsync(deal, new { personId = person.Id() });
        var plain = await client.PostAsJsonAsync("/api/people", new { accountId, name = "Nobody special" }, Ct);

        person["seniority"]!.GetValue<string>().ShouldBe("top-officer");
        influence["seniority"]!.GetValue<string>().ShouldBe("top-officer");
        (await plain.ReadObjectAsync())["seniority"]!.GetValue<string>().ShouldBe("unknown");
        (await app.SheetAsync(deal)).Influences.ShouldHaveSingleItem().Seniority.ShouldBe(Seniority.TopOfficer);

        var updated = await client.PutAsJsonAsync($"/api/people/{person.Id()}", new { name = "Zhou Gang", seniority = "executive", version = person.Version() }, Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.ReadObjectAsync())["seniority"]!.GetValue<string>().ShouldBe("executive");
    }

    [Fact]
    public async Task Influence_SenioritySentWithTheRow_IsThePersons()
    {
        var client = await app.CreateAdminClientAsync();
        var deal = (await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Vito row")), "Vito row")).Id();
        var row = await client.AddInfluenceAsync(deal, new { newPerson = new { name = "Zhou Gang" } });

        var response = await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = row.Version(), support = 2, seniority = "top-officer" }, Ct);
        var bad = await client.PutAsJsonAsync($"/api/influences/{row.Id()}", new { version = row.Version() + 1, seniority = "boss" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.ReadObjectAsync())["seniority"]!.GetValue<string>().ShouldBe("top-officer");
        (await client.GetFromJsonAsync<JsonObject>($"/api/people/{row["personId"]}", Ct))!["seniority"]!.GetValue<string>().ShouldBe("top-officer");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(bad)).Errors.ShouldNotBeNull()["seniority"].ShouldHaveSingleItem().ShouldContain("boss");
    }

    [Fact]
    public async Task Person_UnknownSeniority_Returns400QuotingIt()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/people", new { accountId = await app.AccountAsync(Unique("Vito bad")), name = "X", seniority = "ceo" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull()["seniority"].ShouldHaveSingleItem().ShouldContain("ceo");
    }

    [Fact]
    public async Task Opportunity_CreatedOn_IsExposedEditableAndOnTheSheet()
    {
        var client = await app.CreateAdminClientAsync();
        var deal = await client.CreateOpportunityAsync(await app.AccountAsync(Unique("Created")), "Created");

        var response = await client.PutAsJsonAsync($"/api/opportunities/{deal.Id()}", new { version = 1, name = "Created", createdOn = "2026-09-01" }, Ct);
        var bad = await client.PutAsJsonAsync($"/api/opportunities/{deal.Id()}", new { version = 2, name = "Created", createdOn = "0202-09-01" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.ReadObjectAsync())["createdOn"]!.GetValue<string>().ShouldBe("2026-09-01");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(bad)).Errors.ShouldNotBeNull().Keys.ShouldBe(["createdOn"]);
        (await app.SheetAsync(deal.Id())).Opportunity.CreatedOn.ShouldBe(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public async Task Sections_SavedAtTheSameMomentByTwoClients_AllLand()
    {
        var seller = await app.CreateAdminClientAsync();
        var colleague = await app.CreateAdminClientAsync();
        var deal = (await seller.CreateOpportunityAsync(await app.AccountAsync(Unique("Two panels")), "Two panels")).Id();
        await seller.AddInfluenceAsync(deal, new { newPerson = new { name = "Li Wei" } });
        await seller.AddInfluenceAsync(deal, new { newPerson = new { name = "Zhang Min" } });
        var version = (await seller.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}", Ct))!.Version();

        // The needs tree, the SWOT, a line and the deal's own lists, each by its own version, all at once.
        var saves = await Task.WhenAll(
            seller.PutAsJsonAsync($"/api/opportunities/{deal}/needs", new
            {
                version = 0, currentState = "12-day close",
                branches = new[] { new { layer = "finance", problem = "Cash tied up", solution = "Matching", children = Array.Empty<object>() } },
            }, Ct),
            colleague.PutAsJsonAsync($"/api/opportunities/{deal}/swot", new { version = 0, threats = new[] { "Price cut" } }, Ct),
            colleague.PostAsJsonAsync($"/api/opportunities/{deal}/influence-lines", new { from = "li-wei", to = "zhang-min" }, Ct),
            seller.PutAsJsonAsync($"/api/opportunities/{deal}/lists", new { version, strengths = new[] { new { text = "Local support" } } }, Ct));

        saves.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK]);
        var sheet = await app.SheetAsync(deal);
        sheet.Needs.ShouldNotBeNull().Branches.ShouldHaveSingleItem();
        sheet.Swot.Threats.ShouldBe(["Price cut"]);
        sheet.InfluenceLines.ShouldHaveSingleItem().ShouldBe(new KeySell.Domain.Sheets.SheetInfluenceLine("li-wei", "zhang-min", KeySell.Domain.BuyingInfluences.LineStrength.Medium, null));
        sheet.Strengths.ShouldHaveSingleItem().Text.ShouldBe("Local support");
    }
}

public sealed class ToolkitFieldsTests_Sqlite(SqliteApp app) : ToolkitFieldsTests<SqliteApp>(app);
public sealed class ToolkitFieldsTests_Postgres(PostgresApp app) : ToolkitFieldsTests<PostgresApp>(app);
