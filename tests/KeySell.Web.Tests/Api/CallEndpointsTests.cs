using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Domain.Calls;
using KeySell.Domain.OrgCharts;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

public abstract class CallEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private sealed record Deal(HttpClient Client, Guid Id, Guid AccountId, Guid LiWei, Guid Zhang)
    {
        public string Calls => $"/api/opportunities/{Id}/calls";
    }

    /// <summary>A deal with Li Wei (economic buyer, last contact 2026-11-01) and Zhang Min (coach, never contacted).</summary>
    private async Task<Deal> DealAsync()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Baosteel"));
        var id = (await client.CreateOpportunityAsync(accountId, "Group close")).Id();
        var liWei = await client.AddInfluenceAsync(id, new { newPerson = new { name = "Li Wei", title = "CFO" }, roles = new[] { "economic" }, lastContact = "2026-11-01" });
        var zhang = await client.AddInfluenceAsync(id, new { newPerson = new { name = "Zhang Min" }, roles = new[] { "coach" } });
        return new Deal(client, id, accountId, liWei.Id(), zhang.Id());
    }

    private static object FullCall => new
    {
        date = "2026-11-20",
        with = new[] { "li-wei", "zhang-min" },
        status = "planned",
        commitment = "Li Wei agrees to a pilot in one plant",
        questions = new[]
        {
            new { type = "situation", text = "How is month-end closed today?" },
            new { type = "implication", text = "What does a late close cost the group?" },
            new { type = "need-payoff", text = "What would a 3-day close be worth?" },
        },
        outcome = (string?)null,
        notes = (string?)null,
    };

    private static async Task<JsonObject> PostAsync(Deal deal, object body)
    {
        var response = await deal.Client.PostAsJsonAsync(deal.Calls, body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    private static async Task<int> DealVersionAsync(Deal deal) =>
        (await deal.Client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal.Id}", Ct))!.Version();

    private static async Task<string?> LastContactAsync(Deal deal, Guid influence) =>
        (await deal.Client.GetFromJsonAsync<JsonObject>($"/api/influences/{influence}", Ct))!["lastContact"]?.GetValue<string>();

    [Fact]
    public async Task Plan_FullCall_RoundTripsThroughListAndGet()
    {
        var deal = await DealAsync();

        var created = await deal.Client.PostAsJsonAsync(deal.Calls, FullCall, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe($"/api/opportunities/{deal.Id}/calls/c1");
        var call = await created.ReadObjectAsync();
        call["id"]!.GetValue<string>().ShouldBe("c1");
        call["date"]!.GetValue<string>().ShouldBe("2026-11-20");
        call["with"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["li-wei", "zhang-min"]);
        call["status"]!.GetValue<string>().ShouldBe("planned");
        call["commitment"]!.GetValue<string>().ShouldBe("Li Wei agrees to a pilot in one plant");
        call["questions"]!.AsArray().Select(q => $"{q!["type"]}: {q["text"]}")
            .ShouldBe(["situation: How is month-end closed today?", "implication: What does a late close cost the group?", "need-payoff: What would a 3-day close be worth?"]);
        call["outcome"].ShouldBeNull();
        call.Version().ShouldBe(1);
        var one = (await deal.Client.GetFromJsonAsync<JsonObject>($"{deal.Calls}/c1", Ct))!;
        one.ToJsonString().ShouldBe(call.ToJsonString());
        var list = (await deal.Client.GetFromJsonAsync<JsonArray>(deal.Calls, Ct))!;
        list.ShouldHaveSingleItem()!.ToJsonString().ShouldBe(call.ToJsonString());
    }

    [Fact]
    public async Task Update_WhatWasRead_WritesNothing()
    {
        var deal = await DealAsync();
        var call = await PostAsync(deal, FullCall);

        var response = await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", call, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.ReadObjectAsync()).Version().ShouldBe(1);
    }

    [Fact]
    public async Task Plan_IdsGivenAndMade_ServerTakesOnePastTheHighest()
    {
        var deal = await DealAsync();

        var first = await PostAsync(deal, new { date = "2026-11-20" });
        var own = await PostAsync(deal, new { id = "kickoff", date = "2026-11-21" });
        var fifth = await PostAsync(deal, new { id = "c5", date = "2026-11-22" });
        var next = await PostAsync(deal, new { date = "2026-11-23" });

        new[] { first, own, fifth, next }.Select(c => c["id"]!.GetValue<string>()).ShouldBe(["c1", "kickoff", "c5", "c6"]);
        (await deal.Client.GetFromJsonAsync<JsonArray>(deal.Calls, Ct))!.Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["c1", "kickoff", "c5", "c6"]);
    }

    [Fact]
    public async Task Plan_DuplicateId_Returns400QuotingIt()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { id = "kickoff", date = "2026-11-20" });

        var response = await deal.Client.PostAsJsonAsync(deal.Calls, new { id = "kickoff", date = "2026-11-21" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["id"].ShouldHaveSingleItem().ShouldContain("'kickoff'");
        (await deal.Client.GetFromJsonAsync<JsonArray>(deal.Calls, Ct))!.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Plan_EveryFieldWrong_Returns400WithPathsQuotingValuesAndStoresNothing()
    {
        var deal = await DealAsync();

        var response = await deal.Client.PostAsJsonAsync(deal.Calls, new
        {
            id = " ",
            with = new[] { "li-wei", "wang-fang", "li-wei" },
            status = "held",
            commitment = new string('c', 4001),
            questions = new[]
            {
                new { type = "situation", text = "Fine" },
                new { type = "closing", text = "Will you sign?" },
                new { type = "problem", text = " " },
            },
            notes = new string('n', 4001),
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["id", "date", "with[1]", "with[2]", "status", "commitment", "questions[1].type", "questions[2].text", "notes"], ignoreOrder: true);
        errors["with[1]"].ShouldHaveSingleItem().ShouldContain("'wang-fang'");
        errors["with[2]"].ShouldHaveSingleItem().ShouldContain("'li-wei'");
        errors["status"].ShouldHaveSingleItem().ShouldContain("'held'");
        errors["questions[1].type"].ShouldHaveSingleItem().ShouldContain("'closing'");
        (await deal.Client.GetFromJsonAsync<JsonArray>(deal.Calls, Ct))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Plan_OutcomeOnAPlannedCall_Returns400OnOutcome()
    {
        var deal = await DealAsync();

        var response = await deal.Client.PostAsJsonAsync(deal.Calls, new { date = "2026-11-20", outcome = "advance" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["outcome"]);
    }

    [Fact]
    public async Task Plan_TooManyQuestionsAndBadDate_Returns400()
    {
        var deal = await DealAsync();

        var response = await deal.Client.PostAsJsonAsync(deal.Calls, new
        {
            date = "2300-01-01",
            questions = Enumerable.Range(1, 101).Select(i => new { type = "situation", text = $"Question {i}" }).ToArray(),
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["date", "questions"], ignoreOrder: true);
    }

    [Fact]
    public async Task Plan_HundredQuestionsOfTheLimit_AreKept()
    {
        var deal = await DealAsync();

        var call = await PostAsync(deal, new { date = "2026-11-20", questions = Enumerable.Range(1, 100).Select(i => new { type = "problem", text = $"Q{i}" }).ToArray() });

        call["questions"]!.AsArray().Count.ShouldBe(100);
    }

    [Fact]
    public async Task Plan_DealWithTwoHundredCalls_Returns400AndAddsNone()
    {
        var deal = await DealAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 200; i++) db.Calls.Add(new Call { OpportunityId = deal.Id, Key = $"x{i}", Position = i, Date = new DateOnly(2026, 1, 1).AddDays(i) });
            await db.SaveChangesAsync();
        });

        var response = await deal.Client.PostAsJsonAsync(deal.Calls, new { date = "2026-11-20" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!.Values.SelectMany(m => m).ShouldContain(m => m.Contains("200"));
        (await deal.Client.GetFromJsonAsync<JsonArray>(deal.Calls, Ct))!.Count.ShouldBe(200);
    }

    [Fact]
    public async Task Update_HeldCall_MovesLastContactOfThoseMetWhenLater()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-11-20", with = new[] { "li-wei", "zhang-min" } });

        var response = await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new
        {
            date = "2026-11-20", with = new[] { "li-wei", "zhang-min" }, status = "done", outcome = "advance", notes = "Pilot agreed for January", version = 1,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var held = await response.ReadObjectAsync();
        (held["status"]!.GetValue<string>(), held["outcome"]!.GetValue<string>(), held.Version()).ShouldBe(("done", "advance", 2));
        (await LastContactAsync(deal, deal.LiWei)).ShouldBe("2026-11-20");
        (await LastContactAsync(deal, deal.Zhang)).ShouldBe("2026-11-20");
    }

    [Fact]
    public async Task Update_HeldCallBeforeTheLastContact_KeepsTheLaterContact()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-10-15", with = new[] { "li-wei" } });

        await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { date = "2026-10-15", with = new[] { "li-wei" }, status = "done", outcome = "continuation", version = 1 }, Ct);

        (await LastContactAsync(deal, deal.LiWei)).ShouldBe("2026-11-01");
        (await LastContactAsync(deal, deal.Zhang)).ShouldBeNull();
    }

    [Fact]
    public async Task Plan_AlreadyHeldOnTheLastContactDay_LeavesItAsItWas()
    {
        var deal = await DealAsync();

        await PostAsync(deal, new { date = "2026-11-01", with = new[] { "li-wei" }, status = "done", outcome = "advance" });

        (await LastContactAsync(deal, deal.LiWei)).ShouldBe("2026-11-01");
        (await deal.Client.GetFromJsonAsync<JsonObject>($"/api/influences/{deal.LiWei}", Ct))!.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Update_CancelledCall_DoesNotTouchLastContact()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-11-25", with = new[] { "li-wei" } });

        await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { date = "2026-11-25", with = new[] { "li-wei" }, status = "cancelled", version = 1 }, Ct);

        (await LastContactAsync(deal, deal.LiWei)).ShouldBe("2026-11-01");
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstSave()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-11-20" });
        await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { date = "2026-11-21", version = 1 }, Ct);

        var response = await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { date = "2026-11-22", version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain("(version 2); you edited version 1");
        (await deal.Client.GetFromJsonAsync<JsonObject>($"{deal.Calls}/c1", Ct))!["date"]!.GetValue<string>().ShouldBe("2026-11-21");
    }

    [Fact]
    public async Task Update_AnotherId_Returns400AndKeepsTheCall()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-11-20" });

        var response = await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { id = "c9", date = "2026-11-21", version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["id"].ShouldHaveSingleItem().ShouldContain("'c9'");
    }

    [Fact]
    public async Task Remove_CurrentVersion_GoneThenStaleOrUnknown()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-11-20" });
        await PostAsync(deal, new { date = "2026-11-21" });

        var stale = await deal.Client.DeleteAsync($"{deal.Calls}/c2?version=5", Ct);
        var removed = await deal.Client.DeleteAsync($"{deal.Calls}/c2?version=1", Ct);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await deal.Client.GetAsync($"{deal.Calls}/c2", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deal.Client.DeleteAsync($"{deal.Calls}/c2?version=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deal.Client.GetFromJsonAsync<JsonArray>(deal.Calls, Ct))!.Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["c1"]);
    }

    [Fact]
    public async Task Save_CallAndMilestoneByTwoClientsAtOnce_BothLandAndTheDealKeepsItsVersion()
    {
        var deal = await DealAsync();
        await PostAsync(deal, new { date = "2026-11-20", with = new[] { "li-wei" } });
        var other = await app.CreateAdminClientAsync();
        var dealVersion = await DealVersionAsync(deal);

        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(
                deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { date = $"2026-11-2{round + 1}", with = new[] { "li-wei" }, version = round + 1 }, Ct),
                other.PutAsJsonAsync($"/api/opportunities/{deal.Id}/milestones/discover-pain", new { done = $"2026-10-0{round + 1}", version = round }, Ct));

            foreach (var response in responses)
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"round {round}: {await response.Content.ReadAsStringAsync(Ct)}");
        }

        (await deal.Client.GetFromJsonAsync<JsonObject>($"{deal.Calls}/c1", Ct))!["date"]!.GetValue<string>().ShouldBe("2026-11-25");
        (await deal.Client.GetFromJsonAsync<JsonArray>($"/api/opportunities/{deal.Id}/milestones", Ct))![2]!["done"]!.GetValue<string>().ShouldBe("2026-10-05");
        (await DealVersionAsync(deal)).ShouldBe(dealVersion);
    }

    [Fact]
    public async Task Get_UnknownCallOrDeal_Returns404()
    {
        var deal = await DealAsync();

        (await deal.Client.GetAsync($"{deal.Calls}/c1", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deal.Client.GetAsync($"/api/opportunities/{Guid.NewGuid()}/calls", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await deal.Client.PutAsJsonAsync($"{deal.Calls}/c1", new { date = "2026-11-20", version = 1 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Suggestions_TopOfficer_ResultsFirstQuestionsLeadEveryType()
    {
        var deal = await DealAsync();
        await app.WithDbAsync(async db =>
        {
            var influence = await db.BuyingInfluences.Include(i => i.Person).SingleAsync(i => i.Id == deal.LiWei);
            influence.Person!.Seniority = Seniority.TopOfficer;
            await db.SaveChangesAsync();
        });

        var groups = (await deal.Client.GetFromJsonAsync<JsonArray>($"{deal.Calls}/suggestions?with=li-wei", Ct))!;

        groups.Select(g => g!["type"]!.GetValue<string>()).ShouldBe(["situation", "problem", "implication", "need-payoff"]);
        groups.ShouldAllBe(g => g!["questions"]![0]!["for"]!.GetValue<string>() == "top-officer");
        groups[3]!["questions"]!.AsArray().Select(q => q!["text"]!.GetValue<string>())
            .ShouldContain("If productivity rose by ten percent, what would that mean for the year's results?");
        var coachOnly = (await deal.Client.GetFromJsonAsync<JsonArray>($"{deal.Calls}/suggestions?with=zhang-min", Ct))!;
        coachOnly.SelectMany(g => g!["questions"]!.AsArray()).ShouldNotContain(q => q!["for"]!.GetValue<string>() == "top-officer");
    }

    [Fact]
    public async Task Suggestions_InChinese_TheCoursesWords()
    {
        var deal = await DealAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{deal.Calls}/suggestions?with=li-wei");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var groups = (await (await deal.Client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonArray>(Ct))!;

        groups[3]!["questions"]!.AsArray().Select(q => q!["text"]!.GetValue<string>()).ShouldContain("投入产出达到多少，这个项目才值得做？");
    }

    [Fact]
    public async Task Suggestions_UnknownInfluence_Returns400QuotingIt()
    {
        var deal = await DealAsync();

        var response = await deal.Client.GetAsync($"{deal.Calls}/suggestions?with=li-wei,wang-fang", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["with"].ShouldHaveSingleItem().ShouldContain("'wang-fang'");
    }
}

public sealed class CallEndpointsTests_Sqlite(SqliteApp app) : CallEndpointsTests<SqliteApp>(app);
public sealed class CallEndpointsTests_Postgres(PostgresApp app) : CallEndpointsTests<PostgresApp>(app);
