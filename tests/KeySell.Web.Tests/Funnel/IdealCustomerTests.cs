using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeySell.Application.Data.Sql;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using KeySell.Web.Tests.Api;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Funnel;

/// <summary>
/// The ideal-customer profile of the funnel contract: weighted criteria, ratings, the score and
/// coverage formula, re-scoring, the prospect list, and what the score feeds (poor-fit, the sheet).
/// Figures are worked out by hand in each test's comment.
/// </summary>
public abstract class IdealCustomerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Member-Passw0rd!";

    /// <summary>Replaces the team's list and answers the stored criteria by name.</summary>
    private static async Task<Dictionary<string, Guid>> CriteriaAsync(HttpClient admin, params object[] criteria)
    {
        var put = await admin.PutAsJsonAsync("/api/ideal-customer/criteria", new { criteria }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        return (await put.ReadObjectAsync())["items"]!.AsArray().ToDictionary(i => i!["name"]!.GetValue<string>(), i => i!.Id());
    }

    private static async Task<JsonObject> RateAsync(HttpClient client, Guid accountId, params object[] ratings)
    {
        var put = await client.PutAsJsonAsync($"/api/accounts/{accountId}/fit", new { ratings }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        return await put.ReadObjectAsync();
    }

    private static decimal? Score(JsonNode fit) => fit["score"]?.GetValue<decimal>();

    private async Task<JsonObject> CreateUserAsync(HttpClient admin, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@keysell.test";
        var response = await admin.PostAsJsonAsync("/api/users", new { email, name = Unique($"Test {role}"), role, password = Password }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    private async Task<HttpClient> SignedInAsync(JsonObject user)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await KeySellApp.SignInAsync(client, user["email"]!.GetValue<string>(), Password));
        return client;
    }

    [Fact]
    public async Task PutFit_WeightsThreeAndOne_ScoreIsTheWeightedMeanOfTheRatedOnes()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 3 }, new { name = "Budget", weight = 1 }, new { name = "Culture", weight = 4 });
        var account = await app.AccountAsync(Unique("Weighted Works"));

        var fit = await RateAsync(admin, account, new { criterionId = c["Industry"], rating = 4, note = "Steel: our references" }, new { criterionId = c["Budget"], rating = -2 });

        // (3×4 + 1×(−2)) / (3 + 1) = 10 / 4 = 2.5; culture unrated: coverage (3 + 1) / 8 = 0.5.
        Score(fit).ShouldBe(2.5m);
        fit["coverage"]!.GetValue<decimal>().ShouldBe(0.5m);
        fit["prune"]!.GetValue<bool>().ShouldBeFalse();
        var ratings = fit["ratings"]!.AsArray();
        ratings.Select(r => r!["criterionId"]!.GetValue<Guid>()).ShouldBe([c["Industry"], c["Budget"]]);
        ratings[0]!["note"]!.GetValue<string>().ShouldBe("Steel: our references");
        (await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == account).Select(a => a.IdealCustomerScore).SingleAsync(Ct))).ShouldBe(2.5m);
        var read = await admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{account}/fit", Ct);
        read!.ToJsonString().ShouldBe(fit.ToJsonString());
    }

    [Theory]
    [InlineData(-1, -0.3)]   // (1×(−1) + 3×0) / 4 = −0.25 → −0.3, the half away from zero
    [InlineData(1, 0.3)]     // +0.25 → +0.3
    public async Task PutFit_QuarterScore_RoundsTheHalfAwayFromZero(int rating, double expected)
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Light", weight = 1 }, new { name = "Heavy", weight = 3 });
        var account = await app.AccountAsync(Unique("Quarter Works"));

        var fit = await RateAsync(admin, account, new { criterionId = c["Light"], rating }, new { criterionId = c["Heavy"], rating = 0 });

        Score(fit).ShouldBe((decimal)expected);
        fit["coverage"]!.GetValue<decimal>().ShouldBe(1m);
    }

    [Fact]
    public async Task PutFit_OnlyNotes_ScoreIsNullAndCoverageZero()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 2 });
        var account = await app.AccountAsync(Unique("Unrated Works"));

        var fit = await RateAsync(admin, account, new { criterionId = c["Industry"], rating = (int?)null, note = "Ask about their plants" });

        fit["score"].ShouldBeNull();
        fit["coverage"]!.GetValue<decimal>().ShouldBe(0m);
        fit["prune"]!.GetValue<bool>().ShouldBeFalse();
        fit["ratings"]![0]!["note"]!.GetValue<string>().ShouldBe("Ask about their plants");
    }

    [Fact]
    public async Task PutCriteria_WeightChanged_RescoresEveryRatedAccount()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 3 }, new { name = "Budget", weight = 1 });
        var first = await app.AccountAsync(Unique("Rescored Works"));
        var second = await app.AccountAsync(Unique("Rescored Mills"));
        await RateAsync(admin, first, new { criterionId = c["Industry"], rating = 4 }, new { criterionId = c["Budget"], rating = -2 });
        await RateAsync(admin, second, new { criterionId = c["Budget"], rating = 5 });

        await CriteriaAsync(admin, new { id = c["Industry"], name = "Industry", weight = 3 }, new { id = c["Budget"], name = "Budget", weight = 3 });

        // first: (3×4 + 3×(−2)) / 6 = 1.0; second: only budget rated, 3×5 / 3 = 5.0.
        Score((await admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{first}/fit", Ct))!).ShouldBe(1.0m);
        Score((await admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{second}/fit", Ct))!).ShouldBe(5.0m);
        var lines = await app.WithDbAsync(db => db.ChangeRecords.Where(l => l.AccountId == first && l.Field == "idealCustomerScore").ToListAsync(Ct));
        lines.Select(l => (l.Old, l.New)).ShouldContain(("2.5", "1.0"), string.Join("; ", lines.Select(l => $"{l.Old}->{l.New}")));
    }

    [Fact]
    public async Task PutCriteria_CriterionRemoved_DropsItsRatingsAndRescores()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 3 }, new { name = "Budget", weight = 1 });
        var account = await app.AccountAsync(Unique("Pruned Criteria Works"));
        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = 4 }, new { criterionId = c["Budget"], rating = -2 });

        var kept = await CriteriaAsync(admin, new { id = c["Industry"], name = "Industry", weight = 3 });

        kept.Keys.ShouldBe(["Industry"]);
        var fit = (await admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{account}/fit", Ct))!;
        // Only industry is left: 3×4 / 3 = 4.0.
        Score(fit).ShouldBe(4.0m);
        fit["ratings"]!.AsArray().Select(r => r!["criterionId"]!.GetValue<Guid>()).ShouldBe([c["Industry"]]);
        (await app.WithDbAsync(db => db.FitRatings.CountAsync(r => r.CriterionId == c["Budget"], Ct))).ShouldBe(0);
        var dropped = await app.WithDbAsync(db => db.ChangeRecords.Where(l => l.AccountId == account && l.Entity == "fitRating" && l.Action == "deleted").CountAsync(Ct));
        dropped.ShouldBe(1);
        (await app.WithDbAsync(db => db.ChangeRecords.CountAsync(l => l.Entity == "fitCriterion" && l.EntityId == c["Budget"].ToString() && l.Action == "deleted", Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task PutFit_RatingsChange_PoorFitAppearsAndDisappearsInTheAnalysisAndTheStoredSummary()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 1 }, new { name = "Budget", weight = 1 });
        var account = await app.AccountAsync(Unique("Poor Fit Works"));
        var deal = await admin.CreateOpportunityAsync(account, Unique("Poor fit deal"));

        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = -2 });
        (await FlagsAsync(admin, deal.Id())).ShouldContain("poor-fit");
        (await StoredFlagsAsync(deal.Id())).ShouldContain("poor-fit");

        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = -2 }, new { criterionId = c["Budget"], rating = 3 });
        // (−2 + 3) / 2 = 0.5, not below the threshold 0.
        (await FlagsAsync(admin, deal.Id())).ShouldNotContain("poor-fit");
        (await StoredFlagsAsync(deal.Id())).ShouldNotContain("poor-fit");

        // Removing budget (a re-scoring of every account) takes it back to −2.0, and the stored summary follows.
        await CriteriaAsync(admin, new { id = c["Industry"], name = "Industry", weight = 1 });
        (await FlagsAsync(admin, deal.Id())).ShouldContain("poor-fit");
        (await StoredFlagsAsync(deal.Id())).ShouldContain("poor-fit");
    }

    private static async Task<List<string>> FlagsAsync(HttpClient client, Guid deal) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/opportunities/{deal}/analysis", Ct))!["redFlags"]!.AsArray()
            .Select(f => f!["id"]!.GetValue<string>()).ToList();

    private Task<List<string>> StoredFlagsAsync(Guid deal) => app.WithDbAsync(async db =>
        (await db.AnalysisSummaries.SingleAsync(s => s.OpportunityId == deal, Ct)).RedFlags.Select(f => f.Id).ToList());

    [Fact]
    public async Task PutSheet_TypedIdealCustomerScore_IsIgnoredAndTheExportShowsTheComputedOne()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 1 });
        var account = await app.AccountAsync(Unique("Sheet Works"));
        var deal = await admin.CreateOpportunityAsync(account, Unique("Sheet deal"));
        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = 2 });
        var get = await admin.GetAsync($"/api/opportunities/{deal.Id()}/sheet", Ct);
        var sheet = JsonNode.Parse(await get.Content.ReadAsStringAsync(Ct))!;
        sheet["opportunity"]!["idealCustomerScore"]!.GetValue<decimal>().ShouldBe(2m);

        sheet["opportunity"]!["idealCustomerScore"] = -4.5m;
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/opportunities/{deal.Id()}/sheet") { Content = new StringContent(sheet.ToJsonString(), Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
        (await admin.SendAsync(put, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == account).Select(a => a.IdealCustomerScore).SingleAsync(Ct))).ShouldBe(2m);
        (await FlagsAsync(admin, deal.Id())).ShouldNotContain("poor-fit");
    }

    [Fact]
    public async Task ListAccounts_SortFit_HighestFirstUnratedLastPruneMarked()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 1 });
        var term = Guid.NewGuid().ToString("N")[..8];
        var poor = await app.AccountAsync($"Alpha {term}");
        var unrated = await app.AccountAsync($"Beta {term}");
        var good = await app.AccountAsync($"Gamma {term}");
        var best = await app.AccountAsync($"Delta {term}");
        await RateAsync(admin, poor, new { criterionId = c["Industry"], rating = -1 });
        await RateAsync(admin, good, new { criterionId = c["Industry"], rating = 2 });
        await RateAsync(admin, best, new { criterionId = c["Industry"], rating = 5 });

        var page = (await admin.GetFromJsonAsync<JsonObject>($"/api/accounts?search={term}&sort=fit", Ct))!;

        var items = page["items"]!.AsArray();
        items.Select(i => i!.Id()).ShouldBe([best, good, poor, unrated]);
        items.Select(i => i!["idealCustomerScore"]?.GetValue<decimal>()).ShouldBe([5m, 2m, -1m, null]);
        items.Select(i => i!["prune"]!.GetValue<bool>()).ShouldBe([false, false, true, false]);
        page["totalCount"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task ListAccounts_OwnerAndTeamFilters_KeepOnlyThatOwnersAccounts()
    {
        var admin = await app.CreateAdminClientAsync();
        var seller = await CreateUserAsync(admin, "seller");
        var team = await admin.PostCreatedAsync("/api/teams", new { name = Unique("Prospect team") });
        (await admin.PutAsJsonAsync($"/api/teams/{team.Id()}/members", new { members = new[] { new { userId = seller["id"]!.GetValue<string>(), manager = false } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var term = Guid.NewGuid().ToString("N")[..8];
        var sellers = await app.AccountAsync($"Seller's {term}");
        await app.AccountAsync($"Admin's {term}");
        var sellerColleague = seller["colleagueId"]!.GetValue<Guid>();
        await app.WithDbAsync(async db => { (await db.Accounts.SingleAsync(a => a.Id == sellers, Ct)).OwnerId = sellerColleague; await db.SaveChangesAsync(Ct); });

        var byOwner = (await admin.GetFromJsonAsync<JsonObject>($"/api/accounts?search={term}&sort=fit&ownerId={sellerColleague}", Ct))!;
        var byTeam = (await admin.GetFromJsonAsync<JsonObject>($"/api/accounts?search={term}&sort=fit&teamId={team.Id()}", Ct))!;

        byOwner["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([sellers]);
        byTeam["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([sellers]);
    }

    [Fact]
    public async Task ListAccounts_UnknownSort_Returns400()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/accounts?sort=size", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["sort"]);
    }

    [Fact]
    public async Task PutCriteria_BadItems_Returns400NamingEachField()
    {
        var admin = await app.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/ideal-customer/criteria", new
        {
            criteria = new object[]
            {
                new { name = " ", weight = 1 },
                new { name = "Zero", weight = 0 },
                new { name = "Eleven", weight = 11 },
                new { id = Guid.NewGuid(), name = "Ghost", weight = 1 },
                new { name = "Long", description = new string('d', 501), weight = 1 },
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys
            .ShouldBe(["criteria[0].name", "criteria[1].weight", "criteria[2].weight", "criteria[3].id", "criteria[4].description"], ignoreOrder: true);
        var empty = await admin.PutAsJsonAsync("/api/ideal-customer/criteria", new { criteria = Array.Empty<object>() }, Ct);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PutFit_BadRatings_Returns400NamingEachFieldAndKeepsTheRatings()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 1 }, new { name = "Budget", weight = 1 });
        var account = await app.AccountAsync(Unique("Invalid Works"));
        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = 3 });

        var response = await admin.PutAsJsonAsync($"/api/accounts/{account}/fit", new
        {
            ratings = new object[]
            {
                new { criterionId = c["Industry"], rating = 6 },
                new { criterionId = Guid.NewGuid(), rating = 1 },
                new { criterionId = c["Budget"], rating = -1, note = new string('n', 501) },
            },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys
            .ShouldBe(["ratings[0].rating", "ratings[1].criterionId", "ratings[2].note"], ignoreOrder: true);
        Score((await admin.GetFromJsonAsync<JsonObject>($"/api/accounts/{account}/fit", Ct))!).ShouldBe(3m);
    }

    [Fact]
    public async Task Access_SellersAndViewersCannotKeepCriteriaManagersCanOutsidersSeeNoFit()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 1 });
        var viewer = await SignedInAsync(await CreateUserAsync(admin, "viewer"));
        var seller = await SignedInAsync(await CreateUserAsync(admin, "seller"));
        var manager = await SignedInAsync(await CreateUserAsync(admin, "manager"));
        var account = await app.AccountAsync(Unique("Guarded Works"));
        // The admin owns the account: a seller outside its teams neither reads nor rates it.
        (await seller.GetAsync($"/api/accounts/{account}/fit", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await seller.PutAsJsonAsync($"/api/accounts/{account}/fit", new { ratings = new[] { new { criterionId = c["Industry"], rating = 1 } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await seller.PutAsJsonAsync("/api/ideal-customer/criteria", new { criteria = new[] { new { name = "Mine", weight = 1 } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PutAsJsonAsync("/api/ideal-customer/criteria", new { criteria = new[] { new { name = "Mine", weight = 1 } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/ideal-customer/criteria", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var kept = await CriteriaAsync(manager, new { id = c["Industry"], name = "Industry", weight = 2 });
        kept.Keys.ShouldBe(["Industry"]);
    }

    [Fact]
    public async Task PutFit_Saved_EachRatingIsALineInTheAccountsHistory()
    {
        var admin = await app.CreateAdminClientAsync();
        var c = await CriteriaAsync(admin, new { name = "Industry", weight = 1 });
        var account = await app.AccountAsync(Unique("History Works"));

        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = 2 });
        await RateAsync(admin, account, new { criterionId = c["Industry"], rating = 4, note = "Bigger plant" });

        var lines = await app.WithDbAsync(db => db.ChangeRecords.Where(l => l.AccountId == account).ToListAsync(Ct));
        var seen = string.Join("; ", lines.Select(l => $"{l.Entity} {l.Action} {l.Field} {l.Old}->{l.New}"));
        lines.ShouldContain(l => l.Entity == "fitRating" && l.Action == "created", seen);
        lines.ShouldContain(l => l.Entity == "fitRating" && l.Field == "rating" && l.Old == "2" && l.New == "4", seen);
        lines.ShouldContain(l => l.Entity == "account" && l.Field == "idealCustomerScore" && l.New == "4.0", seen);
        lines.Where(l => l.Entity == "fitRating" || l.Field == "idealCustomerScore").ShouldAllBe(l => l.By == KeySellApp.AdminEmail);
    }
}

/// <summary>
/// What a new database starts with (its own database: the class above changes the list): the five
/// bilingual defaults, rated before anyone saved the list, and the carry-over of hand-typed scores.
/// </summary>
public abstract class IdealCustomerDefaultsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static readonly string[] English = ["Industry fit", "Size", "Budget", "Culture", "Openness to change"];
    private static readonly string[] Chinese = ["行业匹配", "规模", "预算", "文化", "变革意愿"];

    [Fact]
    public async Task GetCriteria_NewDatabase_TheFiveDefaultsWeightOneInTheCallersLanguage()
    {
        var admin = await app.CreateAdminClientAsync();

        var en = (await admin.GetFromJsonAsync<JsonObject>("/api/ideal-customer/criteria", Ct))!["items"]!.AsArray();
        var zh = (await admin.GetFromJsonAsync<JsonObject>("/api/ideal-customer/criteria?culture=zh-CN", Ct))!["items"]!.AsArray();

        en.Select(i => i!["name"]!.GetValue<string>()).ShouldBe(English);
        zh.Select(i => i!["name"]!.GetValue<string>()).ShouldBe(Chinese);
        en.ShouldAllBe(i => i!["weight"]!.GetValue<int>() == 1);
        zh.Select(i => i!.Id()).ShouldBe(en.Select(i => i!.Id()));
    }

    [Fact]
    public async Task PutFit_BeforeTheListIsSaved_RatesTheDefaultsUnderTheIdsShown()
    {
        var admin = await app.CreateAdminClientAsync();
        var ids = (await admin.GetFromJsonAsync<JsonObject>("/api/ideal-customer/criteria", Ct))!["items"]!.AsArray().Select(i => i!.Id()).ToList();
        var account = await app.AccountAsync(Unique("Default Works"));

        var put = await admin.PutAsJsonAsync($"/api/accounts/{account}/fit", new { ratings = new[] { new { criterionId = ids[0], rating = 3 }, new { criterionId = ids[2], rating = -4 } } }, Ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var fit = await put.ReadObjectAsync();
        // (3 − 4) / 2 = −0.5; coverage 2 of 5 criteria of weight 1 = 0.4; below 0: prune.
        fit["score"]!.GetValue<decimal>().ShouldBe(-0.5m);
        fit["coverage"]!.GetValue<decimal>().ShouldBe(0.4m);
        fit["prune"]!.GetValue<bool>().ShouldBeTrue();
        var zh = (await admin.GetFromJsonAsync<JsonObject>("/api/ideal-customer/criteria?culture=zh-CN", Ct))!["items"]!.AsArray();
        zh.Select(i => i!["name"]!.GetValue<string>()).ShouldBe(Chinese);
    }

    [Fact]
    public async Task PutCriteria_DefaultKeptOrRenamed_StaysBilingualOnlyWhileUntouched()
    {
        var admin = await app.CreateAdminClientAsync();
        var items = (await admin.GetFromJsonAsync<JsonObject>("/api/ideal-customer/criteria", Ct))!["items"]!.AsArray();
        var criteria = items.Select((i, n) => new { id = i!.Id(), name = n == 1 ? "Headcount" : i!["name"]!.GetValue<string>(), weight = 1 }).ToArray();

        var put = await admin.PutAsJsonAsync("/api/ideal-customer/criteria", new { criteria }, Ct);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var zh = (await admin.GetFromJsonAsync<JsonObject>("/api/ideal-customer/criteria?culture=zh-CN", Ct))!["items"]!.AsArray();
        zh.Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["行业匹配", "Headcount", "预算", "文化", "变革意愿"]);
        var restore = await admin.PutAsJsonAsync("/api/ideal-customer/criteria",
            new { criteria = items.Select(i => new { id = i!.Id(), name = i!["name"]!.GetValue<string>(), weight = 1 }).ToArray() }, Ct);
        restore.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CarryOver_HandTypedScores_BecomeRatingsOfEveryDefaultWithANote()
    {
        var half = await app.AccountAsync(Unique("Carried Works"));
        var negative = await app.AccountAsync(Unique("Carried Mills"));
        await app.WithDbAsync(async db =>
        {
            // A score typed by hand before the criteria existed: a score without ratings.
            await db.Accounts.Where(a => a.Id == half).ExecuteUpdateAsync(u => u.SetProperty(a => a.IdealCustomerScore, 2.5m), Ct);
            await db.Accounts.Where(a => a.Id == negative).ExecuteUpdateAsync(u => u.SetProperty(a => a.IdealCustomerScore, -1.5m), Ct);
            await IdealCustomerSql.CarryOverAsync(db, Ct);
        });

        var ratings = await app.WithDbAsync(db => db.FitRatings.Where(r => r.AccountId == half || r.AccountId == negative).ToListAsync(Ct));
        // Each default rated with the score rounded half away from zero: 2.5 → 3, −1.5 → −2; the score is then what they give.
        ratings.Where(r => r.AccountId == half).Select(r => r.Rating).ShouldBe([3, 3, 3, 3, 3]);
        ratings.Where(r => r.AccountId == negative).Select(r => r.Rating).ShouldBe([-2, -2, -2, -2, -2]);
        ratings.Where(r => r.AccountId == half).ShouldAllBe(r => r.Note!.Contains("hand-typed score 2.5") && r.Note.Contains("2.5 转入"));
        (await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == half).Select(a => a.IdealCustomerScore).SingleAsync(Ct))).ShouldBe(3m);
        (await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == negative).Select(a => a.IdealCustomerScore).SingleAsync(Ct))).ShouldBe(-2m);
    }
}

public sealed class IdealCustomerTests_Sqlite(SqliteApp app) : IdealCustomerTests<SqliteApp>(app);
public sealed class IdealCustomerTests_Postgres(PostgresApp app) : IdealCustomerTests<PostgresApp>(app);
public sealed class IdealCustomerDefaultsTests_Sqlite(SqliteApp app) : IdealCustomerDefaultsTests<SqliteApp>(app);
public sealed class IdealCustomerDefaultsTests_Postgres(PostgresApp app) : IdealCustomerDefaultsTests<PostgresApp>(app);
