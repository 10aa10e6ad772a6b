using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Api;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Learning;

/// <summary>
/// Issue 12's API: the four self-checks graded at once in the caller's language, the daily drill from the caller's own
/// deals checked by the engine, and progress private to the user, their managers and admins. Expected answers are the
/// course's (table 4-1, the boarding point) and the arranged deals' as a trainer reads them, not the code's output.
/// </summary>
public abstract class LearningApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Learning-Passw0rd!";

    [Fact]
    public async Task SelfChecks_Listed_TheFourInTheCoursesOrderWithWhatEachNeeds()
    {
        var (_, _, seller) = await UserAsync("seller");

        var checks = await ListAsync(seller);

        checks.Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["1-1", "2-1", "3-1", "4-1"]);
        checks[0]!["data"]!["choices"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["before-project", "after-project", "after-tender"]);
        checks[2]!["data"]!["trees"]!.AsArray().Count.ShouldBeGreaterThanOrEqualTo(6);
        var criteria = checks[3]!["data"]!["criteria"]!.AsArray();
        criteria.Select(c => c!["letter"]!.GetValue<string>()).ShouldBe("ABCDEFGHIJKLMN".Select(l => l.ToString()));
        criteria[8]!["text"]!.GetValue<string>().ShouldBe("reliability");
        checks[3]!["data"]!["roles"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ShouldBe(["coach", "user", "technical", "economic"]);
        // A new seller has no deal: 2-1 says why instead of showing someone's org chart.
        checks[1]!["data"]!["unavailable"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task SelfChecks_ListedInChinese_TitlesCriteriaAndPromptsInChinese()
    {
        var (_, _, seller) = await UserAsync("seller");

        var checks = await ListAsync(seller, "zh-CN");

        checks[3]!["title"]!.GetValue<string>().ShouldContain("赢的标准");
        checks[3]!["data"]!["criteria"]!.AsArray()[0]!["text"]!.GetValue<string>().ShouldBe("认可");
        checks[0]!["data"]!["choices"]!.AsArray()[0]!["label"]!.GetValue<string>().ShouldBe("客户立项之前");
    }

    [Fact]
    public async Task BoardingPoint_BeforeProject_FullMarksAndWhy()
    {
        var (_, _, seller) = await UserAsync("seller");

        var right = await AnswerAsync(seller, "1-1", new { choice = "before-project" });
        var wrong = await AnswerAsync(seller, "1-1", new { choice = "after-tender" });

        right["score"]!.GetValue<decimal>().ShouldBe(1m);
        right["correct"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["before-project"]);
        right["explanation"]!.GetValue<string>().ShouldContain("before the customer sets up the project");
        wrong["score"]!.GetValue<decimal>().ShouldBe(0m);
        wrong["wrong"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["after-tender"]);
        wrong["rightAnswer"]!["choice"]!.AsArray()[0]!.GetValue<string>().ShouldBe("before-project");
    }

    [Fact]
    public async Task BoardingPoint_UnknownChoice_400NamingIt()
    {
        var (_, _, seller) = await UserAsync("seller");

        var response = await seller.PostAsJsonAsync("/api/learn/self-checks/1-1/answers", new { choice = "at-signing" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["choice"].Single().ShouldContain("at-signing");
    }

    [Fact]
    public async Task WinCriteria_TheIssuesExample_FullMarks()
    {
        var (_, _, seller) = await UserAsync("seller");

        var graded = await AnswerAsync(seller, "4-1", new
        {
            coach = new[] { "A", "B", "C" }, user = new[] { "D", "E", "F", "G", "I" }, technical = new[] { "H", "J" }, economic = new[] { "K", "L", "M", "N" },
        });

        graded["score"]!.GetValue<decimal>().ShouldBe(1m);
        graded["correct"]!.AsArray().Count.ShouldBe(14);
        graded["wrong"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task WinCriteria_ReliabilityWithTheTechnicalBuyerLowCostWithTheCoachOneMissingOneTwice_ThreeWrong()
    {
        var (_, _, seller) = await UserAsync("seller");

        // I with the technical buyer is right too; K belongs to the economic buyer; A is not placed; B is placed twice.
        var graded = await AnswerAsync(seller, "4-1", new
        {
            coach = new[] { "B", "C", "K" }, user = new[] { "B", "D", "E", "F", "G" }, technical = new[] { "H", "I", "J" }, economic = new[] { "L", "M", "N" },
        });

        graded["wrong"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["A", "B", "K"]);
        graded["score"]!.GetValue<decimal>().ShouldBe(0.7857m); // 11 of 14
        var explanation = graded["explanation"]!.GetValue<string>();
        explanation.ShouldContain("K low cost belongs with the economic buyer");
        explanation.ShouldContain("A recognition was not placed");
        explanation.ShouldContain("B fame was placed more than once");
    }

    [Fact]
    public async Task WinCriteria_InChinese_ExplanationInTheCoursesWords()
    {
        var (_, _, seller) = await UserAsync("seller");

        var graded = await AnswerAsync(seller, "4-1", new
        {
            coach = new[] { "A", "B", "C" }, user = new[] { "D", "E", "F", "G" }, technical = new[] { "H", "I", "J", "N" }, economic = new[] { "K", "L", "M" },
        }, "zh-CN");

        graded["score"]!.GetValue<decimal>().ShouldBe(0.9286m); // 13 of 14
        graded["explanation"]!.GetValue<string>().ShouldContain("N 现金流/适应性 属于决策者");
    }

    [Fact]
    public async Task BoardingPoint_LangQuery_WinsOverAcceptLanguage()
    {
        var (_, _, seller) = await UserAsync("seller");

        // The API's language rule: ?lang= first, then Accept-Language, then English.
        var graded = await PostAsync(seller, "/api/learn/self-checks/1-1/answers?lang=zh-CN", new { choice = "before-project" }, "en");
        var english = await PostAsync(seller, "/api/learn/self-checks/1-1/answers", new { choice = "before-project" }, "fr");

        graded["explanation"]!.GetValue<string>().ShouldContain("客户立项之前上船");
        english["explanation"]!.GetValue<string>().ShouldContain("before the customer sets up the project");
    }

    [Fact]
    public async Task WinCriteria_UnknownLetterAndRole_400NamingEach()
    {
        var (_, _, seller) = await UserAsync("seller");

        var response = await seller.PostAsJsonAsync("/api/learn/self-checks/4-1/answers",
            new Dictionary<string, string[]> { ["coach"] = ["A", "B", "C", "Z"], ["sponsor"] = ["K"] }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemDocument.ReadAsync(response)).Errors!;
        errors["coach[3]"].Single().ShouldContain("'Z'");
        errors["sponsor"].Single().ShouldContain("'sponsor'");
    }

    [Fact]
    public async Task SelfCheck_UnknownId_404()
    {
        var (_, _, seller) = await UserAsync("seller");

        (await seller.PostAsJsonAsync("/api/learn/self-checks/5-1/answers", new { choice = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NeedsTree_HospitalBillingWithoutItsCurrentState_JudgedByTheThreeQuestions()
    {
        var (_, _, seller) = await UserAsync("seller");

        // The hospital's tree does not start from today's facts; it is decomposed and every leaf lands.
        var graded = await AnswerAsync(seller, "3-1", new { tree = "hospital-billing", rooted = true, decomposed = true, landed = true });

        graded["score"]!.GetValue<decimal>().ShouldBe(0.6667m);
        graded["wrong"]!.AsArray().Select(q => q!.GetValue<string>()).ShouldBe(["rooted"]);
        graded["rightAnswer"]!["rooted"]!.AsArray()[0]!.GetValue<string>().ShouldBe("no");
    }

    [Fact]
    public async Task OrgChart_OnlyTheEconomicBuyerChosen_NamesTheMissedCoach()
    {
        var admin = await app.CreateAdminClientAsync();
        var (sellerId, colleague, seller) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague);

        var listed = await ListAsync(seller);
        var chart = listed[1]!["data"]!;
        chart["opportunityId"]!.GetValue<Guid>().ShouldBe(org.Deal);
        chart["people"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ShouldBe(new[] { "Li Wei", "Wang Gang", "Zhao Qing" }.Order());

        var graded = await AnswerAsync(seller, "2-1", new { opportunityId = org.Deal, contacts = new[] { new { personId = org.LiWei, role = "economic" } } });

        graded["score"]!.GetValue<decimal>().ShouldBe(0.5m);
        graded["correct"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe([org.LiWei.ToString()]);
        graded["wrong"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe([org.ZhaoQing.ToString()]);
        var explanation = graded["explanation"]!.GetValue<string>();
        explanation.ShouldContain("Not chosen: Zhao Qing (coach)");
        explanation.ShouldContain("No right choice covers: coach");
        _ = sellerId;
    }

    [Fact]
    public async Task OrgChart_SomeoneWithNoRoleAndAWrongRole_BothWrong()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, seller) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague);

        var graded = await AnswerAsync(seller, "2-1", new
        {
            opportunityId = org.Deal,
            contacts = new[] { new { personId = org.LiWei, role = "economic" }, new { personId = org.ZhaoQing, role = "user" }, new { personId = org.WangGang, role = "technical" } },
        });

        graded["score"]!.GetValue<decimal>().ShouldBe(0.3333m);
        var explanation = graded["explanation"]!.GetValue<string>();
        explanation.ShouldContain("Given a role they do not play: Zhao Qing (coach)");
        explanation.ShouldContain("Plays no buying role on this deal: Wang Gang");
    }

    [Fact]
    public async Task OrgChart_PersonOfAnotherAccount_400()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, seller) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague);

        var response = await seller.PostAsJsonAsync("/api/learn/self-checks/2-1/answers",
            new { opportunityId = org.Deal, contacts = new[] { new { personId = Guid.NewGuid(), role = "coach" } } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!.Keys.ShouldBe(["contacts[0].personId"]);
    }

    [Fact]
    public async Task OrgChart_SamePersonTwice_400()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, seller) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague);

        var response = await seller.PostAsJsonAsync("/api/learn/self-checks/2-1/answers",
            new { opportunityId = org.Deal, contacts = new[] { new { personId = org.LiWei, role = "economic" }, new { personId = org.LiWei, role = "coach" } } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors!["contacts[1].personId"].Single().ShouldContain("listed more than once");
    }

    [Fact]
    public async Task OrgChart_DealSomeoneElseOwns_404()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, _) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague);
        var (_, _, outsider) = await UserAsync("seller");

        var response = await outsider.PostAsJsonAsync("/api/learn/self-checks/2-1/answers",
            new { opportunityId = org.Deal, contacts = new[] { new { personId = org.LiWei, role = "economic" } } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Drill_OneDealWithoutACoach_AsksEveryTopicAboutItAndChecksByTheEngine()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, seller) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague, withCoach: false);

        var drill = await seller.GetObjectAsync("/api/learn/drill");
        var questions = drill["questions"]!.AsArray();

        // One deal can carry four questions, one per topic; all are about it.
        questions.Select(q => q!["topic"]!.GetValue<string>()).Order().ShouldBe(new[] { "economic-buyer", "funnel-level", "next-step", "red-flag" }.Order());
        questions.ShouldAllBe(q => q!["opportunityId"]!.GetValue<Guid>() == org.Deal);
        (await seller.GetObjectAsync("/api/learn/drill"))["questions"]!.ToJsonString().ShouldBe(questions.ToJsonString(), "the same drill all day");

        var question = $"red-flag:{org.Deal}";
        var graded = await DrillAnswerAsync(seller, new { question, choice = "no-coach" });
        graded["score"]!.GetValue<decimal>().ShouldBe(1m);
        graded["counted"]!.GetValue<bool>().ShouldBeTrue();
        graded["link"]!.GetValue<string>().ShouldBe($"/opportunities/{org.Deal}?cell=roles");
        graded["explanation"]!.GetValue<string>().ShouldContain("No coach");

        var again = await DrillAnswerAsync(seller, new { question, choice = "opponent" });
        again["score"]!.GetValue<decimal>().ShouldBe(0m);
        again["counted"]!.GetValue<bool>().ShouldBeFalse("the first answer of the day is the one kept");
        (await seller.GetObjectAsync("/api/learn/drill"))["questions"]!.AsArray()
            .Single(q => q!["id"]!.GetValue<string>() == question)!["score"]!.GetValue<decimal>().ShouldBe(1m);
    }

    [Fact]
    public async Task Drill_EconomicBuyerAndFunnel_CheckedAgainstTheSheet()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, seller) = await UserAsync("seller");
        // Li Wei is the economic buyer in even-keel mode (not receptive, a critical flag); Zhao Qing, the coach, is in
        // growth mode and the objective is complete: the deal has earned "in", not the best few, while a flag is open.
        var org = await OrgChartDealAsync(admin, colleague);

        var buyer = await DrillAnswerAsync(seller, new { question = $"economic-buyer:{org.Deal}", choice = "li-wei", receptive = "unreceptive" });
        var funnel = await DrillAnswerAsync(seller, new { question = $"funnel-level:{org.Deal}", choice = "best-few" }, "zh-CN");

        buyer["score"]!.GetValue<decimal>().ShouldBe(1m);
        buyer["link"]!.GetValue<string>().ShouldBe($"/opportunities/{org.Deal}?cell=mode&influence=li-wei");
        funnel["score"]!.GetValue<decimal>().ShouldBe(0m);
        funnel["rightAnswer"]!["level"]!.AsArray()[0]!.GetValue<string>().ShouldBe("in");
        // Chinese sentences follow one another without a space after "。".
        funnel["explanation"]!.GetValue<string>().ShouldContain("它应该在漏斗之中。还有小红旗没有解决。");
        funnel["link"]!.GetValue<string>().ShouldBe($"/opportunities/{org.Deal}?cell=red-flags");
    }

    [Fact]
    public async Task Drill_BadAnswers_400Or404()
    {
        var admin = await app.CreateAdminClientAsync();
        var (_, colleague, seller) = await UserAsync("seller");
        var org = await OrgChartDealAsync(admin, colleague);
        var (_, _, outsider) = await UserAsync("seller");

        (await seller.PostAsJsonAsync("/api/learn/drill/answers", new { question = $"red-flag:{org.Deal}", choice = "bogus-rule" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await seller.PostAsJsonAsync("/api/learn/drill/answers", new { question = "riddle:42", choice = "no-coach" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await seller.PostAsJsonAsync("/api/learn/drill/answers", new { question = $"economic-buyer:{org.Deal}", choice = "li-wei", receptive = "maybe" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outsider.PostAsJsonAsync("/api/learn/drill/answers", new { question = $"red-flag:{org.Deal}", choice = "no-coach" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Progress_OwnManagersAndAdmins_SeeIt_NobodyElse()
    {
        var admin = await app.CreateAdminClientAsync();
        var (sellerId, _, seller) = await UserAsync("seller");
        var (managerId, _, manager) = await UserAsync("manager");
        var (otherId, _, other) = await UserAsync("seller");
        await TeamAsync(admin, (managerId, true), (sellerId, false));
        await TeamAsync(admin, (otherId, false));
        await AnswerAsync(seller, "1-1", new { choice = "after-project" });
        await AnswerAsync(seller, "1-1", new { choice = "before-project" });

        var mine = await seller.GetObjectAsync("/api/learn/progress");
        var boarding = mine["topics"]!.AsArray().Single(t => t!["topic"]!.GetValue<string>() == "1-1")!;
        boarding["attempts"]!.GetValue<int>().ShouldBe(2);
        boarding["last"]!.GetValue<decimal>().ShouldBe(1m);
        boarding["best"]!.GetValue<decimal>().ShouldBe(1m);
        boarding["average"]!.GetValue<decimal>().ShouldBe(0.5m);
        mine["recent"]!.AsArray().Count.ShouldBe(2);
        mine["weeks"]!.AsArray().Count.ShouldBe(12);
        mine["weeks"]!.AsArray()[^1]!["attempts"]!.GetValue<int>().ShouldBe(2);

        (await manager.GetAsync($"/api/learn/progress?userId={sellerId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/learn/progress?userId={sellerId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync($"/api/learn/progress?userId={sellerId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.GetAsync($"/api/learn/progress?userId={otherId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/api/learn/progress?userId=no-such-user", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Someone else's results stay out of the caller's own progress too.
        var others = await other.GetObjectAsync("/api/learn/progress");
        others["recent"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task TeamProgress_Manager_SeesTheTeamsMembersAndTheWeakestTopicFirst()
    {
        var admin = await app.CreateAdminClientAsync();
        var (sellerId, _, seller) = await UserAsync("seller");
        var (managerId, _, manager) = await UserAsync("manager");
        var (otherId, _, _) = await UserAsync("seller");
        await TeamAsync(admin, (managerId, true), (sellerId, false));
        await TeamAsync(admin, (otherId, false));
        await AnswerAsync(seller, "1-1", new { choice = "after-tender" });
        await AnswerAsync(seller, "4-1", new { coach = new[] { "A", "B", "C" }, user = new[] { "D", "E", "F", "G", "I" }, technical = new[] { "H", "J" }, economic = new[] { "K", "L", "M", "N" } });

        var team = await manager.GetObjectAsync("/api/learn/team-progress");

        var members = team["members"]!.AsArray();
        members.Select(m => m!["userId"]!.GetValue<string>()).ShouldBe(new[] { sellerId, managerId }, ignoreOrder: true);
        var member = members.Single(m => m!["userId"]!.GetValue<string>() == sellerId)!;
        member["attempts"]!.GetValue<int>().ShouldBe(2);
        member["average"]!.GetValue<decimal>().ShouldBe(0.5m);
        var topics = team["topics"]!.AsArray();
        topics[0]!["topic"]!.GetValue<string>().ShouldBe("1-1");
        topics[0]!["average"]!.GetValue<decimal>().ShouldBe(0m);
        topics[1]!["topic"]!.GetValue<string>().ShouldBe("4-1");
        (await seller.GetAsync("/api/learn/team-progress", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private sealed record OrgDeal(Guid Deal, Guid ZhaoQing, Guid LiWei, Guid WangGang);

    /// <summary>
    /// A deal owned by the colleague: Zhao Qing is the coach (unless left out), Li Wei the economic buyer in even-keel mode,
    /// and Wang Gang is in the org chart with no role on the deal.
    /// </summary>
    private async Task<OrgDeal> OrgChartDealAsync(HttpClient admin, Guid ownerColleague, bool withCoach = true)
    {
        var account = await app.AccountAsync(Unique("Learning steel"));
        var zhao = await app.PersonAsync(account, "Zhao Qing", "Plant manager");
        var li = await app.PersonAsync(account, "Li Wei", "CFO");
        var wang = await app.PersonAsync(account, "Wang Gang", "Buyer");
        var deal = await admin.CreateOpportunityAsync(account, Unique("Learning deal"), ownerColleague);
        if (withCoach) await admin.AddInfluenceAsync(deal.Id(), new { personId = zhao, roles = new[] { "coach" }, support = 4, mode = "growth" });
        await admin.AddInfluenceAsync(deal.Id(), new { personId = li, roles = new[] { "economic" }, support = 1, mode = "even-keel" });
        return new OrgDeal(deal.Id(), zhao, li, wang);
    }

    private async Task<(string Id, Guid Colleague, HttpClient Client)> UserAsync(string role)
    {
        var admin = await app.CreateAdminClientAsync();
        var email = $"learn-{role}-{Guid.NewGuid():N}@keysell.test";
        var response = await admin.PostAsJsonAsync("/api/users", new { email, name = Unique($"Learner {role}"), role, password = Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var user = await response.ReadObjectAsync();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, email, Password));
        return (user["id"]!.GetValue<string>(), user["colleagueId"]!.GetValue<Guid>(), client);
    }

    private static async Task TeamAsync(HttpClient admin, params (string UserId, bool Manager)[] members)
    {
        var team = await (await admin.PostAsJsonAsync("/api/teams", new { name = Unique("Learning team") }, Ct)).ReadObjectAsync();
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = members.Select(m => new { userId = m.UserId, manager = m.Manager }) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonArray> ListAsync(HttpClient client, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/learn/self-checks");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var list = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        list["totalCount"]!.GetValue<int>().ShouldBe(4);
        return list["items"]!.AsArray();
    }

    private static Task<JsonObject> AnswerAsync(HttpClient client, string id, object body, string? language = null) =>
        PostAsync(client, $"/api/learn/self-checks/{id}/answers", body, language);

    private static Task<JsonObject> DrillAnswerAsync(HttpClient client, object body, string? language = null) =>
        PostAsync(client, "/api/learn/drill/answers", body, language);

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, object body, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}

public sealed class LearningApiTests_Sqlite(SqliteApp app) : LearningApiTests<SqliteApp>(app);
public sealed class LearningApiTests_Postgres(PostgresApp app) : LearningApiTests<PostgresApp>(app);
