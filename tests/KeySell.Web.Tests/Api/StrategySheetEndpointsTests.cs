using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeySell.Application.Sheets;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

public abstract class StrategySheetEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    /// <summary>Three-plus influences with every field, strengths aimed at red flags, objections and manual flags.</summary>
    private static string RichSheet(string account) => $$"""
        {
          "schema": "keysell.strategy-sheet/1",
          "asOf": "2026-11-26",
          "opportunity": {
            "name": "ERP rollout, East China Steel",
            "account": "{{account}}",
            "idealCustomerScore": null,
            "objective": { "product": "ERP suite", "quantity": 1, "amount": 1200000.50, "currency": "CNY", "closeDate": "2027-03-31" },
            "engagement": "before-project",
            "funnelLevel": "in",
            "expectedOutcome": "win-win"
          },
          "influences": [
            {
              "id": "li-wei", "name": "Li Wei", "title": "CFO",
              "roles": ["economic"], "influence": "high", "support": 2, "contact": "occasional",
              "mode": "growth", "counterpart": "Our VP Sales", "status": "active",
              "since": "2026-09-01", "lastContact": "2026-11-20",
              "wins": ["recognition"], "results": ["month-end close in 3 days"]
            },
            {
              "id": "wang-fang", "name": "王芳", "title": "IT director",
              "roles": ["coach", "technical"], "influence": "medium", "support": -4, "contact": "none",
              "mode": "even-keel", "counterpart": "Solution architect", "status": "moved",
              "since": null, "lastContact": "2026-10-02",
              "wins": ["a quiet rollout", "no weekend work"], "results": ["one system instead of seven"]
            },
            {
              "id": "zhang-san", "name": "Zhang San", "title": null,
              "roles": ["user"], "influence": "low", "support": 0, "contact": "frequent",
              "mode": "trouble", "counterpart": "Our VP Sales", "status": "active",
              "since": "2026-11-01", "lastContact": null,
              "wins": [], "results": []
            },
            {
              "id": "p-1234abcd", "name": "陈杰", "title": "Plant manager",
              "roles": [], "influence": "unknown", "support": null, "contact": "unknown",
              "mode": "unknown", "counterpart": null, "status": "left-company",
              "since": null, "lastContact": null,
              "wins": [], "results": ["uptime above 98%"]
            }
          ],
          "strengths": [
            { "text": "Only vendor with a local support centre", "addresses": ["coach-weak", "technical-veto"] },
            { "text": "Reference site in the same group", "addresses": [] }
          ],
          "objections": [
            { "from": "li-wei", "text": "Price is 20% above budget", "status": "open" },
            { "from": null, "text": "Go-live before Chinese New Year?", "status": "resolved" }
          ],
          "redFlags": [ { "text": "Rumoured reorganisation in IT", "influence": "wang-fang" }, { "text": "Budget freeze", "influence": null } ]
        }
        """;

    private async Task<(HttpClient Client, string Account, Guid OpportunityId)> DealAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var account = Unique("East China Steel Group");
        var opportunity = await client.CreateOpportunityAsync(await app.AccountAsync(account), "ERP rollout");
        return (client, account, opportunity.Id());
    }

    /// <summary>Without <paramref name="ifMatch"/>, as a client that has just read the sheet: with its current ETag (a PUT without If-Match is a 428).</summary>
    private static async Task<HttpResponseMessage> PutSheetAsync(HttpClient client, Guid id, string json, string? ifMatch = null)
    {
        ifMatch ??= (await GetSheetAsync(client, id)).ETag;
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/opportunities/{id}/sheet")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<(string Json, string ETag)> GetSheetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/opportunities/{id}/sheet", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadAsStringAsync(Ct), response.Headers.ETag!.ToString());
    }

    private static JsonNode WithoutAsOf(string json)
    {
        var node = JsonNode.Parse(json)!;
        node.AsObject().Remove("asOf");
        return node;
    }

    /// <summary>
    /// What a stored deal exports for a version-1 sheet: the same document as version 2, with the version-2 parts at
    /// their defaults and the day the deal was set up (today: these deals are created by the test).
    /// </summary>
    private static JsonNode AsStoredVersion2(string v1)
    {
        var node = JsonNode.Parse(v1)!.AsObject();
        node["schema"] = "keysell.strategy-sheet/2";
        node["opportunity"]!["createdOn"] = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        foreach (var influence in node["influences"]!.AsArray()) influence!["seniority"] = "unknown";
        foreach (var objection in node["objections"]!.AsArray())
        {
            objection!["steps"] = new JsonArray();
            objection["answer"] = null;
        }
        node["milestones"] = new JsonArray();
        node["calls"] = new JsonArray();
        node["actions"] = new JsonArray();
        node["needs"] = null;
        node["swot"] = JsonNode.Parse("""{ "strengths": [], "weaknesses": [], "opportunities": [], "threats": [] }""");
        node["influenceLines"] = new JsonArray();
        node.Remove("asOf");
        return node;
    }

    [Fact]
    public async Task Get_WithoutSignIn_Returns401()
    {
        var response = await app.CreateClient().GetAsync($"/api/opportunities/{Guid.NewGuid()}/sheet", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Get_UnknownOpportunity_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/sheet", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_NewOpportunity_ReturnsTheContractDocumentWithVersionETag()
    {
        var (client, account, id) = await DealAsync();

        var (json, etag) = await GetSheetAsync(client, id);

        etag.ShouldStartWith("\"1.");
        var sheet = JsonNode.Parse(json)!;
        sheet["schema"]!.GetValue<string>().ShouldBe("keysell.strategy-sheet/2");
        sheet["asOf"]!.GetValue<string>().ShouldBe(DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd"));
        sheet["opportunity"]!["account"]!.GetValue<string>().ShouldBe(account);
        sheet["opportunity"]!["idealCustomerScore"].ShouldBeNull();
        sheet["opportunity"]!["objective"]!["closeDate"]!.GetValue<string>().ShouldBe("2027-03-31");
        sheet["influences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_RichSheet_GetPutGetGivesAnIdenticalDocument()
    {
        var (client, account, id) = await DealAsync();
        var put = await PutSheetAsync(client, id, RichSheet(account));
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));

        var (first, firstTag) = await GetSheetAsync(client, id);
        var again = await PutSheetAsync(client, id, first, firstTag);
        var (second, secondTag) = await GetSheetAsync(client, id);

        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct));
        second.ShouldBe(first);
        // Saving what was read changes nothing, so the tag stays (issue 8: saves write what changed).
        secondTag.ShouldBe(firstTag);
        again.Headers.ETag!.ToString().ShouldBe(secondTag);
        JsonNode.DeepEquals(WithoutAsOf(first), AsStoredVersion2(RichSheet(account))).ShouldBeTrue(first);
    }

    [Fact]
    public async Task Put_RichSheet_StoresPeopleCounterpartsAndRowsInTheModel()
    {
        var (client, account, id) = await DealAsync();

        (await PutSheetAsync(client, id, RichSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}", Ct))!;
        var rows = detail["influences"]!.AsArray();
        rows.Select(r => r!["key"]!.GetValue<string>()).ShouldBe(["li-wei", "wang-fang", "zhang-san", "p-1234abcd"]);
        rows[1]!["personStatus"]!.GetValue<string>().ShouldBe("moved");
        rows[1]!["counterpartName"]!.GetValue<string>().ShouldBe("Solution architect");
        rows[0]!["counterpartId"]!.GetValue<Guid>().ShouldBe(rows[2]!["counterpartId"]!.GetValue<Guid>());
        detail["objections"]![0]!["from"]!.GetValue<string>().ShouldBe("li-wei");
        // The sheet's idealCustomerScore is ignored: the score comes from the account's ratings (funnel contract).
        var score = await app.WithDbAsync(db => db.Accounts.Where(a => a.Name == account).Select(a => a.IdealCustomerScore).SingleAsync(Ct));
        score.ShouldBeNull();
    }

    [Fact]
    public async Task Put_StaleIfMatch_Returns409AndChangesNothing()
    {
        var (client, account, id) = await DealAsync();
        var (before, tag) = await GetSheetAsync(client, id);
        (await client.PutAsJsonAsync($"/api/opportunities/{id}", new { version = 1, name = "Renamed by a colleague" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (afterColleague, _) = await GetSheetAsync(client, id);

        var response = await PutSheetAsync(client, id, RichSheet(account), tag);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNullOrWhiteSpace();
        var (after, _) = await GetSheetAsync(client, id);
        after.ShouldBe(afterColleague);
        after.ShouldNotBe(before);
        JsonNode.Parse(after)!["influences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_WeakETagOfTheCurrentVersion_IsAccepted()
    {
        var (client, account, id) = await DealAsync();

        var (_, tag) = await GetSheetAsync(client, id);

        var response = await PutSheetAsync(client, id, RichSheet(account), "W/" + tag);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.ETag!.ToString().ShouldStartWith("\"2.");
    }

    [Fact]
    public async Task Put_IfMatchThatIsNoETag_Returns400AndChangesNothing()
    {
        var (client, account, id) = await DealAsync();
        var (_, tag) = await GetSheetAsync(client, id);

        var response = await PutSheetAsync(client, id, RichSheet(account), "yesterday");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["If-Match"]);
        (await GetSheetAsync(client, id)).ETag.ShouldBe(tag);
    }

    [Fact]
    public async Task Put_AfterSomeoneEditedOneInfluenceRow_Returns409AndKeepsTheirEdit()
    {
        var (client, account, id) = await DealAsync();
        (await PutSheetAsync(client, id, RichSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (read, tag) = await GetSheetAsync(client, id);
        var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}", Ct))!;
        var row = detail["influences"]![0]!.AsObject();
        var edit = JsonNode.Parse(row.ToJsonString())!.AsObject();
        foreach (var name in new[] { "id", "key", "personId", "personName", "personTitle", "personStatus", "counterpartName", "createdAt", "createdBy", "updatedAt", "updatedBy", "opportunityId", "position" })
            edit.Remove(name);
        edit["support"] = 5;
        (await client.PutAsJsonAsync($"/api/influences/{row["id"]}", edit, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await PutSheetAsync(client, id, read, tag);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse((await GetSheetAsync(client, id)).Json)!["influences"]![0]!["support"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Put_InvalidSheet_Returns400WithErrorsKeyedByJsonPath()
    {
        var (client, account, id) = await DealAsync();
        var sheet = JsonNode.Parse(RichSheet(account))!;
        sheet["influences"]![0]!["nickname"] = "Wei";
        sheet["influences"]![1]!["support"] = 7;
        sheet["objections"]![0]!["from"] = "nobody";
        sheet["opportunity"]!["funnelLevel"] = "middle";

        var response = await PutSheetAsync(client, id, sheet.ToJsonString());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(
            ["$.influences[0].nickname", "$.influences[1].support", "$.objections[0].from", "$.opportunity.funnelLevel"], ignoreOrder: true);
        problem.Errors["$.objections[0].from"].ShouldHaveSingleItem().ShouldContain("nobody");
    }

    /// <summary>The rich sheet as version 2, with something in every version-2 part.</summary>
    private static JsonNode RichSheetVersion2(string account)
    {
        var sheet = JsonNode.Parse(RichSheet(account))!;
        sheet["schema"] = "keysell.strategy-sheet/2";
        sheet["opportunity"]!["createdOn"] = "2026-08-20";
        sheet["influences"]![0]!["seniority"] = "top-officer";
        sheet["objections"]![0]!["steps"] = new JsonArray("listened", "confirmed");
        sheet["objections"]![0]!["answer"] = "case";
        sheet["milestones"] = JsonNode.Parse("""[ { "id": "confirm-opportunity", "done": "2026-09-10", "evidence": "Budget line seen" } ]""");
        sheet["calls"] = JsonNode.Parse("""
            [ { "id": "c1", "date": "2026-11-20", "with": ["li-wei"], "status": "done", "commitment": "A pilot",
                "questions": [ { "type": "implication", "text": "What does a late close cost?" } ], "outcome": "advance", "notes": null },
              { "id": "c2", "date": "2026-12-03", "with": ["li-wei", "zhang-san"], "status": "planned", "commitment": null,
                "questions": [], "outcome": null, "notes": null } ]
            """);
        sheet["actions"] = JsonNode.Parse("""
            [ { "id": "a1", "text": "Send the Baosteel case", "owner": "Our VP Sales", "due": "2026-12-01", "status": "open",
                "influence": "li-wei", "addresses": ["coach-weak"] } ]
            """);
        sheet["needs"] = JsonNode.Parse("""
            { "currentState": "12-day close", "branches": [ { "layer": "finance", "problem": "Cash tied up",
              "children": [ { "problem": "Manual matching", "children": [], "solution": "Three-way matching" } ], "solution": null } ] }
            """);
        sheet["swot"] = JsonNode.Parse("""{ "strengths": ["Local team"], "weaknesses": [], "opportunities": [], "threats": ["Price cut"] }""");
        sheet["influenceLines"] = JsonNode.Parse("""[ { "from": "zhang-san", "to": "li-wei", "strength": "strong", "note": null } ]""");
        return sheet;
    }

    /// <summary>The version-2 <paramref name="sheet"/> with what it leaves out at its default (written out by hand), without asOf.</summary>
    private static JsonNode WithVersion2Defaults(JsonNode sheet)
    {
        var node = WithoutAsOf(sheet.ToJsonString());
        foreach (var influence in node["influences"]!.AsArray()) influence!["seniority"] ??= "unknown";
        foreach (var objection in node["objections"]!.AsArray())
        {
            objection!["steps"] ??= new JsonArray();
            if (!objection.AsObject().ContainsKey("answer")) objection["answer"] = null;
        }
        return node;
    }

    [Fact]
    public async Task Put_Version2Sheet_GetGivesTheSameDocument()
    {
        var (client, account, id) = await DealAsync();
        var sheet = RichSheetVersion2(account);

        var put = await PutSheetAsync(client, id, sheet.ToJsonString());

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var (read, _) = await GetSheetAsync(client, id);
        // What the sheet left out comes back at its default.
        JsonNode.DeepEquals(WithoutAsOf(read), WithVersion2Defaults(sheet)).ShouldBeTrue(read);
        JsonNode.Parse(read)!["opportunity"]!["createdOn"]!.GetValue<string>().ShouldBe("2026-08-20");
    }

    [Fact]
    public async Task Put_BadVersion2Sheet_Returns400AtEachPathAndChangesNothing()
    {
        var (client, account, id) = await DealAsync();
        var (before, tag) = await GetSheetAsync(client, id);
        var sheet = RichSheetVersion2(account);
        sheet["calls"]![1]!["with"]![1] = "ghost";
        sheet["actions"]![0]!["id"] = "";
        sheet["needs"]!["branches"]![0]!["children"]![0]!["layer"] = "process";
        sheet["influenceLines"]![0]!["strength"] = "huge";

        var response = await PutSheetAsync(client, id, sheet.ToJsonString(), tag);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(
            ["$.calls[1].with[1]", "$.actions[0].id", "$.needs.branches[0].children[0].layer", "$.influenceLines[0].strength"], ignoreOrder: true);
        problem.Errors["$.calls[1].with[1]"].ShouldHaveSingleItem().ShouldContain("'ghost'");
        problem.Errors["$.influenceLines[0].strength"].ShouldHaveSingleItem().ShouldContain("'huge'");
        (await GetSheetAsync(client, id)).ShouldBe((before, tag));
    }

    [Fact]
    public async Task Put_MalformedJson_Returns400AtTheRoot()
    {
        var (client, account, id) = await DealAsync();

        var response = await PutSheetAsync(client, id, RichSheet(account)[..300]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["$"]);
    }

    [Fact]
    public async Task Put_SheetOfAnotherAccount_Returns400OnTheAccount()
    {
        var (client, _, id) = await DealAsync();

        var response = await PutSheetAsync(client, id, RichSheet("Some other group"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["$.opportunity.account"]);
    }

    [Fact]
    public async Task Put_ReplacingInfluences_KeepsMatchedRowsFindsPeopleByNameAndRemovesTheRest()
    {
        var (client, account, id) = await DealAsync();
        (await PutSheetAsync(client, id, RichSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}", Ct))!["influences"]!.AsArray();
        var accountId = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}", Ct))!["accountId"]!.GetValue<Guid>();
        var liu = await app.PersonAsync(accountId, "Liu Yang", "COO");
        var sheet = JsonNode.Parse((await GetSheetAsync(client, id)).Json)!;
        var influences = sheet["influences"]!.AsArray();
        influences[0]!["support"] = 4;
        influences[0]!["counterpart"] = "Brand-new colleague";
        influences.RemoveAt(1);                                     // wang-fang leaves the deal
        influences[1]!["id"] = "zhang";                             // re-keyed: found again by name
        influences.Add(JsonNode.Parse("""{ "id": "liu", "name": "Liu Yang", "title": "COO", "roles": ["economic"] }"""));
        influences.Add(JsonNode.Parse("""{ "id": "chen-jie", "name": "Chen Jie" }"""));
        sheet["redFlags"]![0]!["influence"] = null;

        var response = await PutSheetAsync(client, id, sheet.ToJsonString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var after = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}", Ct))!["influences"]!.AsArray();
        after.Select(r => r!["key"]!.GetValue<string>()).ShouldBe(["li-wei", "zhang", "p-1234abcd", "liu", "chen-jie"]);
        after[0]!.Id().ShouldBe(before[0]!.Id());
        after[0]!["support"]!.GetValue<int>().ShouldBe(4);
        after[0]!["counterpartName"]!.GetValue<string>().ShouldBe("Brand-new colleague");
        after[1]!.Id().ShouldBe(before[2]!.Id());
        after[3]!["personId"]!.GetValue<Guid>().ShouldBe(liu);
        var wangFang = before[1]!["personId"]!.GetValue<Guid>();
        var chenJie = after[4]!["personId"]!.GetValue<Guid>();
        await app.WithDbAsync(async db =>
        {
            (await db.People.AnyAsync(p => p.Id == wangFang, Ct)).ShouldBeTrue("people leave the deal, not the org chart");
            (await db.People.SingleAsync(p => p.Id == chenJie, Ct)).AccountId.ShouldBe(accountId);
            (await db.Colleagues.CountAsync(c => c.Name == "Brand-new colleague", Ct)).ShouldBe(1);
        });
    }

    [Fact]
    public async Task Put_SheetThatFailsAStorageRule_ChangesNothingAtAll()
    {
        var (client, account, id) = await DealAsync();
        (await PutSheetAsync(client, id, RichSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (before, tag) = await GetSheetAsync(client, id);
        var peopleBefore = await app.WithDbAsync(db => db.People.CountAsync(Ct));
        var colleaguesBefore = await app.WithDbAsync(db => db.Colleagues.CountAsync(Ct));
        var sheet = JsonNode.Parse(before)!;
        var influences = sheet["influences"]!.AsArray();
        influences[0]!["support"] = -3;
        influences[0]!["counterpart"] = "Someone not yet a colleague";
        influences.RemoveAt(1);
        influences.Add(JsonNode.Parse("""{ "id": "new-guy", "name": "New Guy" }"""));
        influences[2]!["title"] = new string('t', 201);
        sheet["redFlags"]![0]!["influence"] = null;
        sheet["strengths"] = new JsonArray();

        var response = await PutSheetAsync(client, id, sheet.ToJsonString(), tag);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["$.influences[2].title"]);
        (await GetSheetAsync(client, id)).ShouldBe((before, tag));
        (await app.WithDbAsync(db => db.People.CountAsync(Ct))).ShouldBe(peopleBefore);
        (await app.WithDbAsync(db => db.Colleagues.CountAsync(Ct))).ShouldBe(colleaguesBefore);
    }

    [Fact]
    public async Task Put_UnknownOpportunity_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await PutSheetAsync(client, Guid.NewGuid(), RichSheet("Anyone"), "\"1.0\"");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImportSheet_NewAccountName_CreatesAccountAndDealThatExportsTheSameSheet()
    {
        var account = Unique("Imported Group");
        var sheet = SheetReader.Read(RichSheet(account)).Sheet.ShouldNotBeNull();

        await using var scope = app.Services.CreateOperatorScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportSheet.Handler>().Handle(new ImportSheet.Command(sheet), Ct);

        imported.Succeeded.ShouldBeTrue(imported.Error?.Message);
        var exported = await scope.ServiceProvider.GetRequiredService<ExportSheet.Handler>().Handle(new ExportSheet.Query(imported.Value), Ct);
        JsonNode.DeepEquals(WithoutAsOf(SheetWriter.Write(exported.Value)), AsStoredVersion2(RichSheet(account))).ShouldBeTrue();
        (await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Name == account, Ct))).ShouldBe(1);
    }
}

public sealed class StrategySheetEndpointsTests_Sqlite(SqliteApp app) : StrategySheetEndpointsTests<SqliteApp>(app);
public sealed class StrategySheetEndpointsTests_Postgres(PostgresApp app) : StrategySheetEndpointsTests<PostgresApp>(app);
