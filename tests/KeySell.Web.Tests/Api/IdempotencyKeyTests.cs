using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KeySell.Application.Retries;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Web.Tests.Api;

/// <summary>Contract 1, "Retries": a POST with an Idempotency-Key, sent again, creates nothing again and gets the first answer.</summary>
public abstract class IdempotencyKeyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Creates => new()
    {
        { "/api/accounts", "accounts" },
        { "/api/colleagues", "colleagues" },
        { "/api/teams", "teams" },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task Post_SameKeyTwice_SecondGetsTheFirstAnswer_OneRecordCreated(string route, string table)
    {
        var client = await app.CreateAdminClientAsync();
        var name = $"Retry {table} {Guid.NewGuid():N}"[..40];
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, route, key, new { name });
        var again = await PostAsync(client, route, key, new { name });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Location.ShouldNotBeNull();
        again.Headers.Location.ShouldBe(first.Headers.Location);
        again.Content.Headers.ContentType!.MediaType.ShouldBe(first.Content.Headers.ContentType!.MediaType);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CountNamedAsync(table, name)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_WithoutKey_CreatesEachTime()
    {
        var client = await app.CreateAdminClientAsync();
        var name = $"No key {Guid.NewGuid():N}"[..30];

        (await client.PostAsJsonAsync("/api/colleagues", new { name }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/colleagues", new { name }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await CountNamedAsync("colleagues", name)).ShouldBe(2);
    }

    [Fact]
    public async Task Post_SameKeyOtherBody_Returns422Problem_CreatesNothing()
    {
        var client = await app.CreateAdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"First {Guid.NewGuid():N}"[..30];
        var other = $"Second {Guid.NewGuid():N}"[..30];
        (await PostAsync(client, "/api/colleagues", key, new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await PostAsync(client, "/api/colleagues", key, new { name = other });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNullOrWhiteSpace();
        (await CountNamedAsync("colleagues", other)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_SameKeyOtherRoute_Returns422Problem()
    {
        var client = await app.CreateAdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"Route {Guid.NewGuid():N}"[..30];
        (await PostAsync(client, "/api/colleagues", key, new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await PostAsync(client, "/api/teams", key, new { name })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CountNamedAsync("teams", name)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_SameKeyFromAnotherUser_IsTheirOwnKey()
    {
        var admin = await app.CreateAdminClientAsync();
        var email = $"retry.{Guid.NewGuid():N}@keysell.test";
        await app.CreateUserAsync(email, "Retry-User-Passw0rd!");
        var seller = app.CreateClient();
        seller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await KeySellApp.SignInAsync(seller, email, "Retry-User-Passw0rd!"));
        var key = Guid.NewGuid().ToString();
        var name = $"Shared key {Guid.NewGuid():N}"[..30];

        var first = await PostAsync(admin, "/api/colleagues", key, new { name });
        var second = await PostAsync(seller, "/api/colleagues", key, new { name });

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CountNamedAsync("colleagues", name)).ShouldBe(2);
    }

    [Fact]
    public async Task Post_WhileTheFirstAttemptRuns_Returns409Problem_CreatesNothingMore()
    {
        var client = await app.CreateAdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"In flight {Guid.NewGuid():N}"[..30];
        (await PostAsync(client, "/api/colleagues", key, new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Turned back into the first attempt as another server would hold it: claimed a moment ago, not answered yet.
        await UnanswerAsync(key, DateTimeOffset.UtcNow.AddSeconds(-5));

        var response = await PostAsync(client, "/api/colleagues", key, new { name });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await CountNamedAsync("colleagues", name)).ShouldBe(1);
    }

    [Fact]
    public async Task Post_AfterTheFirstAttemptWasAbandoned_RunsAgain()
    {
        var client = await app.CreateAdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var name = $"Abandoned {Guid.NewGuid():N}"[..30];
        (await PostAsync(client, "/api/colleagues", key, new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // As if the server died after its commit and before the answer was stored, ten minutes ago.
        await UnanswerAsync(key, DateTimeOffset.UtcNow.AddMinutes(-10));

        var response = await PostAsync(client, "/api/colleagues", key, new { name });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CountNamedAsync("colleagues", name)).ShouldBe(2);
    }

    [Fact]
    public async Task Post_KeyOlderThan24Hours_IsForgotten_RunsAgain_AndThePurgeRemovesOldKeys()
    {
        var client = await app.CreateAdminClientAsync();
        var key = Guid.NewGuid().ToString();
        var oldKey = Guid.NewGuid().ToString();
        var name = $"Expired {Guid.NewGuid():N}"[..30];
        await ClaimAsync(key, DateTimeOffset.UtcNow.AddHours(-25), status: 201);
        await ClaimAsync(oldKey, DateTimeOffset.UtcNow.AddHours(-25), status: 201);

        var response = await PostAsync(client, "/api/colleagues", key, new { name });
        int purged;
        await using (var scope = app.Services.CreateOperatorScope())
            purged = await scope.ServiceProvider.GetRequiredService<PurgeIdempotencyKeys.Handler>().Handle(new PurgeIdempotencyKeys.Command(), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        purged.ShouldBeGreaterThanOrEqualTo(1);
        (await app.WithDbAsync(db => db.IdempotentRequests.Select(r => r.Key).ToListAsync(Ct))).ShouldSatisfyAllConditions(
            keys => keys.ShouldContain(key), // taken over just now: kept
            keys => keys.ShouldNotContain(oldKey));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("键")]
    public async Task Post_InvalidKey_Returns400Problem_CreatesNothing(string key)
    {
        var client = await app.CreateAdminClientAsync();
        var name = $"Bad key {Guid.NewGuid():N}"[..30];

        var response = await PostAsync(client, "/api/colleagues", key, new { name });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CountNamedAsync("colleagues", name)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_KeyOverTheLimit_Returns400Problem_KeyAtTheLimitWorks()
    {
        var client = await app.CreateAdminClientAsync();

        var tooLong = await PostAsync(client, "/api/colleagues", new string('k', 256), new { name = "Too long key" });
        var atLimit = await PostAsync(client, "/api/colleagues", Guid.NewGuid().ToString("N") + new string('k', 255 - 32), new { name = "Key at the limit" });

        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(tooLong)).Detail!.ShouldContain("255");
        atLimit.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_InvalidInputWithKey_RepeatsThe400_StillCreatesNothing()
    {
        var client = await app.CreateAdminClientAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, "/api/colleagues", key, new { name = "", email = "x@" });
        var again = await PostAsync(client, "/api/colleagues", key, new { name = "", email = "x@" });

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string route, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    private async Task ClaimAsync(string key, DateTimeOffset startedAt, int? status)
    {
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == KeySellApp.AdminEmail).Select(u => u.Id).SingleAsync(Ct));
        await app.WithDbAsync(async db =>
        {
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                Id = Guid.NewGuid(), UserId = adminId, Key = key, Fingerprint = new string('0', 64), StartedAt = startedAt, Status = status,
            });
            await db.SaveChangesAsync(Ct);
        });
    }

    private Task UnanswerAsync(string key, DateTimeOffset startedAt) => app.WithDbAsync(async db =>
    {
        var request = await db.IdempotentRequests.SingleAsync(r => r.Key == key, Ct);
        request.StartedAt = startedAt;
        request.Status = null;
        request.Body = null;
        await db.SaveChangesAsync(Ct);
    });

    private Task<int> CountNamedAsync(string table, string name) => app.WithDbAsync(db => table switch
    {
        "accounts" => db.Accounts.CountAsync(a => a.Name == name, Ct),
        "colleagues" => db.Colleagues.CountAsync(c => c.Name == name, Ct),
        _ => db.Teams.CountAsync(t => t.Name == name, Ct),
    });
}

public sealed class IdempotencyKeyTests_Sqlite(SqliteApp app) : IdempotencyKeyTests<SqliteApp>(app);
public sealed class IdempotencyKeyTests_Postgres(PostgresApp app) : IdempotencyKeyTests<PostgresApp>(app);
