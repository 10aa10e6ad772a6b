using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Application.History;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeySell.Web.Tests.Api.DealArrange;
using IcsCalendar = Ical.Net.Calendar;

namespace KeySell.Web.Tests.Api;

/// <summary>
/// Whose actions are whose: Home's "my actions due this week" (<c>GET /api/me/actions</c>), the work queue's next
/// action, and the secret calendar feed with the single <c>.ics</c> files — each checked against a world whose
/// expected rows are written out by hand below, on both databases.
/// </summary>
public abstract class MyActionsAndCalendarTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Actions-Passw0rd!";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>
    /// Seller S and seller O in team T (teammates read each other's deals); seller X in team U (S cannot read X's deals).
    /// <list type="bullet">
    /// <item>D1 (S's): a1 open due yesterday; a2 open due today, owned by O; a3 open due in 7 days (always after this
    /// Sunday); a4 done two days ago; a5 dropped, due today; a6 open, undated. Calls: k1 planned in 2 days, k2 cancelled,
    /// k3 done.</item>
    /// <item>D2 (O's): b1 open due 3 days ago, owned by S; b2 open due today, owned by O; b3 open due today, no owner;
    /// call m1 planned tomorrow.</item>
    /// <item>D3 (X's): c1 open due today, owned by S — on a deal S cannot read.</item>
    /// <item>D4 (S's): d1 and d2 open and undated. D5 (S's): no actions. D6 (S's): only a done action.</item>
    /// </list>
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var admin = await app.CreateAdminClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        async Task<(string Id, Guid ColleagueId, HttpClient Client, string Email)> User(string name)
        {
            var email = $"{name.ToLowerInvariant()}.{tag}@actions.example";
            var response = await admin.PostAsJsonAsync("/api/users", new { email, name = $"{name} {tag}", role = "seller", password = Password }, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            var user = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeySellApp.SignInAsync(client, email, Password));
            return (user["id"]!.GetValue<string>(), user["colleagueId"]!.GetValue<Guid>(), client, email);
        }
        var s = await User("Sam");
        var o = await User("Olga");
        var x = await User("Xia");
        async Task Team(string name, params object[] members)
        {
            var team = (await (await admin.PostAsJsonAsync("/api/teams", new { name = $"{name} {tag}" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!.Id();
            (await admin.PutAsJsonAsync($"/api/teams/{team}/members", new { members }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await Team("T", new { userId = s.Id, manager = false }, new { userId = o.Id, manager = false });
        await Team("U", new { userId = x.Id, manager = false });

        var accountId = await app.AccountAsync(Unique("Calendar Steel"));
        async Task<Guid> Deal(string name, Guid owner) =>
            (await admin.CreateOpportunityAsync(accountId, $"{name} {tag}", owner)).Id();
        var d1 = await Deal("D1", s.ColleagueId);
        var d2 = await Deal("D2", o.ColleagueId);
        var d3 = await Deal("D3", x.ColleagueId);
        var d4 = await Deal("D4", s.ColleagueId);
        var d5 = await Deal("D5", s.ColleagueId);
        var d6 = await Deal("D6", s.ColleagueId);

        await app.WithDbAsync(async db =>
        {
            var position = 0;
            void Action(Guid deal, string key, ActionStatus status, DateOnly? due, Guid? owner) => db.Actions.Add(new SellingAction
            {
                OpportunityId = deal, Key = key, Position = position++, Text = $"Action {key}", Status = status, Due = due, OwnerId = owner,
            });
            void Call(Guid deal, string key, CallStatus status, DateOnly date) => db.Calls.Add(new Call
            {
                OpportunityId = deal, Key = key, Position = position++, Date = date, Status = status, Commitment = $"Commitment {key}",
                Outcome = status == CallStatus.Done ? CallOutcome.Advance : null,
            });
            Action(d1, "a1", ActionStatus.Open, Today.AddDays(-1), null);
            Action(d1, "a2", ActionStatus.Open, Today, o.ColleagueId);
            Action(d1, "a3", ActionStatus.Open, Today.AddDays(7), null);
            Action(d1, "a4", ActionStatus.Done, Today.AddDays(-2), null);
            Action(d1, "a5", ActionStatus.Dropped, Today, null);
            Action(d1, "a6", ActionStatus.Open, null, null);
            Call(d1, "k1", CallStatus.Planned, Today.AddDays(2));
            Call(d1, "k2", CallStatus.Cancelled, Today.AddDays(3));
            Call(d1, "k3", CallStatus.Done, Today.AddDays(-5));
            Action(d2, "b1", ActionStatus.Open, Today.AddDays(-3), s.ColleagueId);
            Action(d2, "b2", ActionStatus.Open, Today, o.ColleagueId);
            Action(d2, "b3", ActionStatus.Open, Today, null);
            Call(d2, "m1", CallStatus.Planned, Today.AddDays(1));
            Action(d3, "c1", ActionStatus.Open, Today, s.ColleagueId);
            position = 0;
            Action(d4, "d1", ActionStatus.Open, null, null);
            Action(d4, "d2", ActionStatus.Open, null, null);
            Action(d6, "f1", ActionStatus.Done, Today.AddDays(-1), null);
            await db.SaveChangesAsync(Ct);
        });
        return new World(admin, s.Client, s.Id, new Dictionary<string, Guid> { ["D1"] = d1, ["D2"] = d2, ["D3"] = d3, ["D4"] = d4, ["D5"] = d5, ["D6"] = d6 });
    }

    private sealed record World(HttpClient Admin, HttpClient Seller, string SellerId, Dictionary<string, Guid> Deals);

    private static IEnumerable<string> Keys(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    [Fact]
    public async Task MyActions_DueWeek_AreMineOpenAndDueByTheWeeksEndOverdueFirst()
    {
        var w = await WorldAsync();

        var page = await w.Seller.GetObjectAsync("/api/me/actions?due=week");

        Keys(page).ShouldBe(["b1", "a1", "a2"]);
        page["totalCount"]!.GetValue<int>().ShouldBe(3);
        var items = page["items"]!.AsArray();
        items.Select(i => i!["overdue"]!.GetValue<bool>()).ShouldBe([true, true, false]);
        items[0]!["opportunityId"]!.GetValue<Guid>().ShouldBe(w.Deals["D2"]);
        items[0]!["opportunityName"]!.GetValue<string>().ShouldStartWith("D2 ");
        items[0]!["accountName"]!.GetValue<string>().ShouldStartWith("Calendar Steel");
        items[0]!["owner"]!.GetValue<string>().ShouldStartWith("Sam ");
        items[0]!["due"]!.GetValue<string>().ShouldBe(Today.AddDays(-3).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task MyActions_DueAll_AddsLaterAndUndatedOnesAfterTheDated()
    {
        var w = await WorldAsync();

        var page = await w.Seller.GetObjectAsync("/api/me/actions?due=all&pageSize=50");
        var byDefault = await w.Seller.GetObjectAsync("/api/me/actions");

        Keys(page).ShouldBe(["b1", "a1", "a2", "a3", "a6", "d1", "d2"]);
        Keys(byDefault).ShouldBe(["b1", "a1", "a2"], "week is the default");
    }

    [Fact]
    public async Task MyActions_UnknownDue_Is400NamingDue()
    {
        var w = await WorldAsync();

        var response = await w.Seller.GetAsync("/api/me/actions?due=month", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors!["due"].Single().ShouldContain("month");
    }

    [Fact]
    public async Task WorkQueue_NextAction_IsTheEarliestOpenActionOfEachDeal()
    {
        var w = await WorldAsync();

        var items = (await w.Seller.GetObjectAsync("/api/work-queue?scope=me&pageSize=50"))["items"]!.AsArray()
            .ToDictionary(i => i!.Id(), i => i!["nextAction"]);

        items.Count.ShouldBe(4, "S owns D1, D4, D5 and D6");
        items[w.Deals["D1"]]!["id"]!.GetValue<string>().ShouldBe("a1", "due yesterday: before a2 (today), a3 and the undated a6; a4 is done");
        items[w.Deals["D1"]]!["overdue"]!.GetValue<bool>().ShouldBeTrue();
        items[w.Deals["D1"]]!["text"]!.GetValue<string>().ShouldBe("Action a1");
        items[w.Deals["D4"]]!["id"]!.GetValue<string>().ShouldBe("d1", "both undated: the plan's order");
        items[w.Deals["D4"]]!["due"].ShouldBeNull();
        items[w.Deals["D5"]].ShouldBeNull();
        items[w.Deals["D6"]].ShouldBeNull("a done action is no next action");
    }

    private static string PathOf(JsonObject link) => new Uri(link["url"]!.GetValue<string>()).PathAndQuery;

    private async Task<JsonObject> NewLinkAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/me/calendar-link", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    [Fact]
    public async Task CalendarFeed_SecretLink_HoldsMyPlannedCallsAndDatedOpenActionsAsAllDayEntries()
    {
        var w = await WorldAsync();
        var link = await NewLinkAsync(w.Seller);
        PathOf(link).ShouldMatch("^/calendar/[A-Za-z0-9_-]{43}\\.ics$");

        var response = await app.CreateClient().GetAsync(PathOf(link), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await response.Content.ReadAsStringAsync(Ct);
        var events = IcsCalendar.Load(text)!.Events.ToList();
        events.Select(e => e.Uid!.Split('.')[0]).Order().ShouldBe(["action-a1", "action-a2", "action-a3", "action-b1", "call-k1"]);
        events.ShouldAllBe(e => !e.Start!.HasTime);
        var call = events.Single(e => e.Uid!.StartsWith("call-k1."));
        call.Start!.Date.ShouldBe(Today.AddDays(2));
        call.Uid.ShouldBe($"call-k1.{w.Deals["D1"]:N}@keysell");
        call.Summary!.ShouldContain("D1 ");
        call.Summary!.ShouldContain("Calendar Steel");
        call.Url!.AbsolutePath.ShouldBe($"/opportunities/{w.Deals["D1"]}");
        events.Single(e => e.Uid!.StartsWith("action-b1.")).Start!.Date.ShouldBe(Today.AddDays(-3));
        text.ShouldContain($"DTSTART;VALUE=DATE:{Today.AddDays(2):yyyyMMdd}");
    }

    [Fact]
    public async Task CalendarLink_Replaced_OldLinkIs404AndTheNewOneWorks()
    {
        var w = await WorldAsync();
        var old = await NewLinkAsync(w.Seller);
        var anonymous = app.CreateClient();
        (await anonymous.GetAsync(PathOf(old), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var replacement = await NewLinkAsync(w.Seller);

        PathOf(replacement).ShouldNotBe(PathOf(old));
        (await anonymous.GetAsync(PathOf(old), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(PathOf(replacement), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = await w.Seller.GetObjectAsync("/api/me/calendar-link");
        state["exists"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task CalendarLink_Replaced_IsInTheHistoryWithoutTheSecret()
    {
        var w = await WorldAsync();
        var first = await NewLinkAsync(w.Seller);
        var second = await NewLinkAsync(w.Seller);

        var lines = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.Entity == "calendarLink" && c.EntityId == w.SellerId).OrderBy(c => c.Id).ToListAsync(Ct));

        lines.Select(l => (l.Action, l.Field)).ShouldBe([(ChangeActions.Created, (string?)null), (ChangeActions.Updated, "issuedAt")]);
        foreach (var secret in new[] { first, second }.Select(l => PathOf(l)["/calendar/".Length..^".ics".Length]))
            lines.ShouldAllBe(l => !(l.New ?? "").Contains(secret) && !(l.Old ?? "").Contains(secret));
        lines.ShouldAllBe(l => !(l.New ?? "").Contains("secretHash", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")] // well formed, nobody's
    [InlineData("/calendar/not-a-secret.ics")]
    [InlineData("/calendar/%E4%BD%A0%E5%A5%BD.ics")]
    public async Task CalendarFeed_WrongSecret_Is404(string path)
    {
        (await app.CreateClientFrom("10.9.8.7").GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CalendarFeed_DisabledUser_Is404()
    {
        var w = await WorldAsync();
        var link = await NewLinkAsync(w.Seller);
        var user = await w.Admin.GetObjectAsync($"/api/users?pageSize=200");
        var me = user["items"]!.AsArray().Single(u => u!["id"]!.GetValue<string>() == w.SellerId)!;

        (await w.Admin.PutAsJsonAsync($"/api/users/{w.SellerId}", new { name = me["name"]!.GetValue<string>(), role = "seller", disabled = true }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.CreateClient().GetAsync(PathOf(link), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CalendarFeed_GuessingFromOneAddress_IsRateLimitedLikeSignIns()
    {
        var client = app.CreateClientFrom($"10.77.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}");
        for (var i = 0; i < 10; i++)
            (await client.GetAsync($"/calendar/{KeySell.Application.Calendar.CalendarLink.NewSecret()}.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var eleventh = await client.GetAsync($"/calendar/{KeySell.Application.Calendar.CalendarLink.NewSecret()}.ics", Ct);

        eleventh.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        eleventh.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task SingleIcs_CallAndAction_AreOneAllDayEntryEach()
    {
        var w = await WorldAsync();

        var call = await w.Seller.GetAsync($"/api/opportunities/{w.Deals["D1"]}/calls/k1.ics", Ct);
        var cancelled = await w.Seller.GetAsync($"/api/opportunities/{w.Deals["D1"]}/calls/k2.ics", Ct);
        var action = await w.Seller.GetAsync($"/api/opportunities/{w.Deals["D2"]}/actions/b1.ics", Ct);
        var undated = await w.Seller.GetAsync($"/api/opportunities/{w.Deals["D1"]}/actions/a6.ics", Ct);
        var unreadable = await w.Seller.GetAsync($"/api/opportunities/{w.Deals["D3"]}/actions/c1.ics", Ct);

        call.StatusCode.ShouldBe(HttpStatusCode.OK);
        call.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        call.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull();
        var callEvent = IcsCalendar.Load(await call.Content.ReadAsStringAsync(Ct))!.Events.Single();
        callEvent.Start!.HasTime.ShouldBeFalse();
        callEvent.Start.Date.ShouldBe(Today.AddDays(2));
        callEvent.Description!.ShouldContain("Commitment k1");
        IcsCalendar.Load(await cancelled.Content.ReadAsStringAsync(Ct))!.Events.Single().Status.ShouldBe("CANCELLED");
        var actionEvent = IcsCalendar.Load(await action.Content.ReadAsStringAsync(Ct))!.Events.Single();
        actionEvent.Start!.Date.ShouldBe(Today.AddDays(-3));
        actionEvent.Summary!.ShouldContain("Action b1");
        undated.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unreadable.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class MyActionsAndCalendarTests_Sqlite(SqliteApp app) : MyActionsAndCalendarTests<SqliteApp>(app);
public sealed class MyActionsAndCalendarTests_Postgres(PostgresApp app) : MyActionsAndCalendarTests<PostgresApp>(app);
