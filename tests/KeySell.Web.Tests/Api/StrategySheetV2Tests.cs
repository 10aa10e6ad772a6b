using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using KeySell.Application.Sheets;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Process;
using KeySell.Domain.Sheets;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>Sheet version 2 through the API and the database: every section stored, read back, and kept by older clients.</summary>
public abstract class StrategySheetV2Tests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    /// <summary>Every version-2 section with values in both scripts; the order of every list is the writer's.</summary>
    private static string ToolkitSheet(string account) => $$"""
        {
          "schema": "keysell.strategy-sheet/2",
          "asOf": "2026-11-26",
          "opportunity": {
            "name": "ERP rollout",
            "account": "{{account}}",
            "idealCustomerScore": null,
            "objective": { "product": "ERP suite", "quantity": 1, "amount": 1200000, "currency": "CNY", "closeDate": "2027-03-31" },
            "engagement": "before-project",
            "funnelLevel": "in",
            "expectedOutcome": "win-win",
            "createdOn": "2026-09-01"
          },
          "influences": [
            {
              "id": "li-wei", "name": "Li Wei", "title": "CFO",
              "roles": ["economic"], "influence": "high", "support": 2, "contact": "occasional",
              "mode": "growth", "counterpart": "Our VP Sales", "status": "active",
              "since": "2026-09-01", "lastContact": "2026-11-20",
              "wins": ["recognition"], "results": ["month-end close in 3 days"], "seniority": "top-officer"
            },
            {
              "id": "wang-fang", "name": "王芳", "title": "IT director",
              "roles": ["coach", "technical"], "influence": "medium", "support": 3, "contact": "frequent",
              "mode": "trouble", "counterpart": null, "status": "active",
              "since": null, "lastContact": "2026-11-02",
              "wins": [], "results": [], "seniority": "manager"
            }
          ],
          "strengths": [ { "text": "Local support centre", "addresses": ["coach-weak"] } ],
          "objections": [
            { "from": "li-wei", "text": "Price is 20% above budget", "status": "open", "steps": ["listened", "confirmed", "answered"], "answer": "case" },
            { "from": null, "text": "交付周期太长", "status": "deferred", "steps": [], "answer": null }
          ],
          "redFlags": [ { "text": "Rumoured reorganisation in IT", "influence": "wang-fang" } ],
          "milestones": [
            { "id": "confirm-opportunity", "done": "2026-09-10", "evidence": "Budget line seen in the 2027 plan" },
            { "id": "pre-call-research", "done": null, "evidence": "SWOT 进行中" }
          ],
          "calls": [
            {
              "id": "c1", "date": "2026-11-20", "with": ["li-wei"], "status": "done",
              "commitment": "Li Wei agrees to a pilot in one plant",
              "questions": [ { "type": "situation", "text": "How is month-end closed today?" },
                             { "type": "need-payoff", "text": "缩短结账周期对集团价值多大？" } ],
              "outcome": "advance", "notes": "Pilot agreed for January"
            },
            {
              "id": "c2", "date": "2026-12-05", "with": ["li-wei", "wang-fang"], "status": "planned",
              "commitment": null, "questions": [], "outcome": null, "notes": null
            }
          ],
          "actions": [
            { "id": "a1", "text": "Send the reference case of Baosteel", "owner": "Our VP Sales",
              "due": "2026-12-01", "status": "open", "influence": "li-wei", "addresses": ["coach-weak"] },
            { "id": "a2", "text": "约王芳看演示", "owner": null, "due": null, "status": "done", "influence": null, "addresses": [] }
          ],
          "needs": {
            "currentState": "Month-end close takes 12 days across 9 subsidiaries",
            "branches": [
              { "layer": "finance", "problem": "Cash tied up by slow invoicing",
                "children": [ { "problem": "Invoices wait for manual matching", "children": [], "solution": "Automatic three-way matching" } ],
                "solution": null },
              { "layer": "process", "problem": "九家子公司流程不一", "children": [], "solution": "统一流程模板" }
            ]
          },
          "swot": { "strengths": ["Local support centre"], "weaknesses": [], "opportunities": ["集团上市"], "threats": ["Incumbent's price cut"] },
          "influenceLines": [ { "from": "wang-fang", "to": "li-wei", "strength": "strong", "note": "王芳 reports informally" } ]
        }
        """;

    private async Task<(HttpClient Client, string Account, Guid OpportunityId)> DealAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var account = Unique("East China Steel Group");
        var opportunity = await client.CreateOpportunityAsync(await app.AccountAsync(account), "ERP rollout");
        return (client, account, opportunity.Id());
    }

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

    [Fact]
    public async Task Put_Version2Sheet_GetGivesTheSameDocumentAndSavingItAgainChangesNothing()
    {
        var (client, account, id) = await DealAsync();

        var put = await PutSheetAsync(client, id, ToolkitSheet(account));

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var (first, firstTag) = await GetSheetAsync(client, id);
        JsonNode.DeepEquals(WithoutAsOf(first), WithoutAsOf(ToolkitSheet(account))).ShouldBeTrue(first);
        (await PutSheetAsync(client, id, first, firstTag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (second, secondTag) = await GetSheetAsync(client, id);
        second.ShouldBe(first);
        secondTag.ShouldBe(firstTag);
    }

    [Fact]
    public async Task Put_Version2Sheet_StoresEachSectionInItsRows()
    {
        var (client, account, id) = await DealAsync();

        (await PutSheetAsync(client, id, ToolkitSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await app.WithDbAsync(async db => new
        {
            CreatedOn = await db.Opportunities.Where(o => o.Id == id).Select(o => o.CreatedOn).SingleAsync(Ct),
            Seniority = await db.BuyingInfluences.Where(i => i.OpportunityId == id && i.Key == "li-wei").Select(i => i.Person!.Seniority).SingleAsync(Ct),
            Milestones = await db.Milestones.Where(m => m.OpportunityId == id).OrderBy(m => m.Milestone).Select(m => m.Milestone).ToListAsync(Ct),
            Calls = await db.Calls.Where(c => c.OpportunityId == id).OrderBy(c => c.Position).Select(c => new { c.Key, c.Status, c.With }).ToListAsync(Ct),
            ActionOwner = await db.Actions.Where(a => a.OpportunityId == id && a.Key == "a1").Select(a => a.Owner!.Name).SingleAsync(Ct),
            Counterpart = await db.BuyingInfluences.Where(i => i.OpportunityId == id && i.Key == "li-wei").Select(i => i.CounterpartId).SingleAsync(Ct),
            ActionOwnerId = await db.Actions.Where(a => a.OpportunityId == id && a.Key == "a1").Select(a => a.OwnerId).SingleAsync(Ct),
            Nodes = await db.NeedNodes.CountAsync(n => n.OpportunityId == id, Ct),
            Leaf = await db.NeedNodes.Where(n => n.OpportunityId == id && n.ParentId != null).Select(n => n.Solution).SingleAsync(Ct),
            Threats = await db.Swots.Where(s => s.OpportunityId == id).Select(s => s.Threats).SingleAsync(Ct),
            Steps = await db.Objections.Where(x => x.OpportunityId == id && x.Position == 0).Select(x => x.Steps).SingleAsync(Ct),
            Lines = await db.InfluenceLines.Where(l => l.OpportunityId == id).Select(l => new { l.FromKey, l.ToKey, l.Strength }).ToListAsync(Ct),
        });
        stored.CreatedOn.ShouldBe(new DateOnly(2026, 9, 1));
        stored.Seniority.ShouldBe(Seniority.TopOfficer);
        stored.Milestones.ShouldBe([Milestone.ConfirmOpportunity, Milestone.PreCallResearch]);
        stored.Calls.Select(c => c.Key).ShouldBe(["c1", "c2"]);
        stored.Calls[1].With.ShouldBe(["li-wei", "wang-fang"]);
        stored.Calls[0].Status.ShouldBe(CallStatus.Done);
        // The action's owner and the counterpart are the same colleague, found by name.
        stored.ActionOwner.ShouldBe("Our VP Sales");
        stored.ActionOwnerId.ShouldBe(stored.Counterpart);
        stored.Nodes.ShouldBe(3);
        stored.Leaf.ShouldBe("Automatic three-way matching");
        stored.Threats.ShouldBe(["Incumbent's price cut"]);
        stored.Steps.ShouldBe(["listened", "confirmed", "answered"]);
        stored.Lines.Single().ShouldBe(new { FromKey = "wang-fang", ToKey = "li-wei", Strength = LineStrength.Strong });
    }

    [Fact]
    public async Task Put_Version1SheetOverADealWithAToolkit_KeepsTheToolkitSeniorityAndObjectionSteps()
    {
        var (client, account, id) = await DealAsync();
        (await PutSheetAsync(client, id, ToolkitSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = JsonNode.Parse((await GetSheetAsync(client, id)).Json)!;

        // What an older client sends: version 1, with the objective changed.
        var v1 = before.DeepClone().AsObject();
        v1["schema"] = "keysell.strategy-sheet/1";
        foreach (var field in new[] { "milestones", "calls", "actions", "needs", "swot", "influenceLines" }) v1.Remove(field);
        v1["opportunity"]!.AsObject().Remove("createdOn");
        v1["opportunity"]!["objective"]!["amount"] = 1500000;
        foreach (var influence in v1["influences"]!.AsArray()) influence!.AsObject().Remove("seniority");
        foreach (var objection in v1["objections"]!.AsArray()) { objection!.AsObject().Remove("steps"); objection.AsObject().Remove("answer"); }
        var put = await PutSheetAsync(client, id, v1.ToJsonString());

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var after = JsonNode.Parse((await GetSheetAsync(client, id)).Json)!;
        after["opportunity"]!["objective"]!["amount"]!.GetValue<decimal>().ShouldBe(1500000m);
        after["opportunity"]!["objective"]!["amount"] = 1200000;
        after.AsObject().Remove("asOf");
        before.AsObject().Remove("asOf");
        JsonNode.DeepEquals(after, before).ShouldBeTrue(after.ToJsonString());
    }

    [Fact]
    public async Task Put_Version1SheetWithoutAPersonTheToolkitNames_TheToolkitForgetsThemAndTheSheetStaysValid()
    {
        var (client, account, id) = await DealAsync();
        (await PutSheetAsync(client, id, ToolkitSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An older client drops 王芳, who is in call c2 and at one end of the only influence line.
        var v1 = JsonNode.Parse((await GetSheetAsync(client, id)).Json)!.AsObject();
        v1["schema"] = "keysell.strategy-sheet/1";
        foreach (var field in new[] { "milestones", "calls", "actions", "needs", "swot", "influenceLines" }) v1.Remove(field);
        v1["opportunity"]!.AsObject().Remove("createdOn");
        v1["influences"]!.AsArray().RemoveAt(1);
        foreach (var influence in v1["influences"]!.AsArray()) influence!.AsObject().Remove("seniority");
        foreach (var objection in v1["objections"]!.AsArray()) { objection!.AsObject().Remove("steps"); objection.AsObject().Remove("answer"); }
        v1["redFlags"]![0]!["influence"] = null;
        (await PutSheetAsync(client, id, v1.ToJsonString())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (after, tag) = await GetSheetAsync(client, id);
        var sheet = JsonNode.Parse(after)!;
        sheet["calls"]![1]!["with"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["li-wei"]);
        sheet["influenceLines"]!.AsArray().ShouldBeEmpty();
        // What the deal now exports is a sheet the reader accepts: saved back as read, it is taken.
        (await PutSheetAsync(client, id, after, tag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Put_AfterSomeoneChangedOneCall_Returns409AndKeepsTheirCall()
    {
        var (client, account, id) = await DealAsync();
        (await PutSheetAsync(client, id, ToolkitSheet(account))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (read, tag) = await GetSheetAsync(client, id);

        // A colleague saves one call on its own; the deal's row and version are not touched by that.
        await app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.OpportunityId == id && c.Key == "c2", Ct);
            call.Commitment = "Agree the pilot's scope";
            await db.SaveChangesAsync(Ct);
            return true;
        });
        var put = await PutSheetAsync(client, id, read, tag);

        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Calls.Where(c => c.OpportunityId == id && c.Key == "c2").Select(c => c.Commitment).SingleAsync(Ct)))
            .ShouldBe("Agree the pilot's scope");
    }

    [Fact]
    public async Task Put_Version2SheetWithAnUnknownInfluenceInACall_Returns400AtItsPathAndStoresNothing()
    {
        var (client, account, id) = await DealAsync();
        var sheet = JsonNode.Parse(ToolkitSheet(account))!;
        sheet["calls"]![1]!["with"]![1] = "zhao-min";

        var put = await PutSheetAsync(client, id, sheet.ToJsonString());

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await put.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldContain("$.calls[1].with[1]");
        errors["$.calls[1].with[1]"]!.ToJsonString().ShouldContain("zhao-min");
        (await app.WithDbAsync(db => db.Calls.CountAsync(c => c.OpportunityId == id, Ct))).ShouldBe(0);
        (await app.WithDbAsync(db => db.BuyingInfluences.CountAsync(i => i.OpportunityId == id, Ct))).ShouldBe(0);
    }

    [Fact]
    public async Task Analysis_OfAStoredDeal_IsJudgedAsAVersion2Sheet()
    {
        var (client, _, id) = await DealAsync();

        var analysis = (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{id}/analysis", Ct))!;

        // A new deal at "above" has no action and no planned call: it is drifting.
        analysis["redFlags"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ShouldContain("no-next-step");
        analysis["needs"].ShouldBeNull();
        analysis["calls"]!.ToJsonString().ShouldBe("""{"done":0,"advances":0,"continuations":0,"nextCall":null}""");
        analysis["milestones"]!.ToJsonString().ShouldBe("""{"done":[],"next":"confirm-opportunity"}""");
    }

    /// <summary>
    /// The property: a version-2 sheet exported, imported as a new deal and exported again is the same
    /// document. FsCheck picks the seed; the sheet is built from it with every section, in both scripts.
    /// </summary>
    [Property(MaxTest = 8)]
    public async Task ExportImportExport_AnyVersion2Sheet_IsIdentical(int seed)
    {
        var sheet = RandomSheet(new Random(seed), Unique("Round trip group"));
        var exported = SheetWriter.Write(sheet);
        var read = SheetReader.Read(exported);
        read.Problems.ShouldBeEmpty();

        await using var scope = app.Services.CreateOperatorScope();
        var imported = await scope.ServiceProvider.GetRequiredService<ImportSheet.Handler>().Handle(new ImportSheet.Command(read.Sheet!), Ct);
        imported.Succeeded.ShouldBeTrue(imported.Error?.Message);
        var again = await scope.ServiceProvider.GetRequiredService<ExportSheet.Handler>().Handle(new ExportSheet.Query(imported.Value), Ct);

        var second = SheetWriter.Write(again.Value with { AsOf = sheet.AsOf });
        second.ShouldBe(exported);
    }

    private static readonly string[] Texts = ["Price is too high", "交付周期太长", "Need a pilot first", "预算在明年", "Who owns the result?", "集团统一采购"];

    private static Domain.Sheets.StrategySheet RandomSheet(Random random, string account)
    {
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        string Text() => Pick(Texts) + " " + random.Next(1000);
        DateOnly Day() => new DateOnly(2026, 1, 1).AddDays(random.Next(700));
        DateOnly? MaybeDay() => random.Next(3) == 0 ? null : Day();
        var keys = Enumerable.Range(0, random.Next(1, 5)).Select(i => $"p{i}").ToList();
        var influences = keys.Select(k => new SheetInfluence(k, Text(), Pick<string?>(null, "CFO", "采购经理"),
                Pick(Domain.BuyingInfluences.BuyingRoles.Coach, Domain.BuyingInfluences.BuyingRoles.Economic, Domain.BuyingInfluences.BuyingRoles.None),
                Pick(Enum.GetValues<InfluenceLevel>()), Pick<int?>(null, -5, 0, 3, 5), Pick(Enum.GetValues<ContactLevel>()),
                Pick(Enum.GetValues<ResponseMode>()), Pick<string?>(null, "Our VP Sales", "方案经理"), PersonStatus.Active, MaybeDay(), MaybeDay(), [], [Text()])
            { Seniority = Pick(Enum.GetValues<Seniority>()) }).ToList();
        SheetNeed Node(int depth, bool first) => new(first ? Pick(Enum.GetValues<NeedLayer>()) : null, Text(),
            depth < 3 && random.Next(2) == 0 ? Enumerable.Range(0, random.Next(1, 3)).Select(_ => Node(depth + 1, false)).ToList() : [],
            Pick<string?>(null, Text()));
        var calls = Enumerable.Range(1, random.Next(0, 4)).Select(i =>
        {
            var status = Pick(Enum.GetValues<CallStatus>());
            return new SheetCall($"c{i}", Day(), keys.Where(_ => random.Next(2) == 0).ToList(), status, Pick<string?>(null, Text()),
                Enumerable.Range(0, random.Next(3)).Select(_ => new CallQuestion(Pick(Enum.GetValues<SpinType>()), Text())).ToList(),
                status == CallStatus.Done ? Pick<CallOutcome?>(null, CallOutcome.Advance, CallOutcome.Continuation, CallOutcome.NoSale) : null,
                Pick<string?>(null, Text()));
        }).ToList();
        var actions = Enumerable.Range(1, random.Next(0, 4)).Select(i => new SheetAction($"a{i}", Text(), Pick<string?>(null, "Our VP Sales", "李销售"),
            MaybeDay(), Pick(Enum.GetValues<ActionStatus>()), Pick<string?>([null, .. keys]), random.Next(2) == 0 ? ["no-coach"] : [])).ToList();
        var milestones = Enum.GetValues<Milestone>().Where(_ => random.Next(3) == 0)
            .Select(m => new SheetMilestone(m, MaybeDay(), Pick<string?>(null, Text()))).ToList();
        var lines = keys.Count < 2 ? [] : new List<SheetInfluenceLine> { new(keys[0], keys[1], Pick(Enum.GetValues<LineStrength>()), Pick<string?>(null, Text())) };
        return new Domain.Sheets.StrategySheet(
            new DateOnly(2026, 11, 30),
            new SheetOpportunity(Text(), account, null, new SheetObjective(Pick<string?>(null, "ERP"), null, Pick<decimal?>(null, 1200000m), "CNY", MaybeDay()),
                null, Pick(FunnelLevel.Above, FunnelLevel.In, FunnelLevel.Won), null) { CreatedOn = MaybeDay() },
            influences,
            [new SheetStrength(Text(), ["coach-weak"])],
            [new SheetObjection(Pick<string?>([null, .. keys]), Text(), Pick(Enum.GetValues<ObjectionStatus>()))
            {
                Steps = Enum.GetValues<ObjectionStep>().Where(_ => random.Next(2) == 0).ToList(),
                Answer = Pick<ObjectionAnswer?>(null, ObjectionAnswer.Case, ObjectionAnswer.ProductClaim),
            }],
            [])
        {
            Version = 2,
            Milestones = milestones,
            Calls = calls,
            Actions = actions,
            Needs = random.Next(3) == 0 ? null : new SheetNeeds(Pick<string?>(null, Text()), Enumerable.Range(0, random.Next(4)).Select(_ => Node(1, true)).ToList()),
            Swot = new SheetSwot([Text()], [], random.Next(2) == 0 ? [Text(), Text()] : [], []),
            InfluenceLines = lines,
        };
    }
}

public sealed class StrategySheetV2Tests_Sqlite(SqliteApp app) : StrategySheetV2Tests<SqliteApp>(app);
public sealed class StrategySheetV2Tests_Postgres(PostgresApp app) : StrategySheetV2Tests<PostgresApp>(app);
