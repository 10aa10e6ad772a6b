using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KeySell.Application.Identity;
using KeySell.Web.Setup;
using KeySell.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeySell.Web.Tests.Api;

/// <summary>The contract's "Sign-in and sessions": refusals that tell nothing, lockout, limits, sessions that really end.</summary>
public abstract class SignInSecurityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    private const string Password = "Seller-Passw0rd!";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewIp() => $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}";
    private static string NewEmail() => $"seller-{Guid.NewGuid():N}@keysell.test";

    private sealed record Tokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Ct);

    private async Task<Tokens> TokensAsync(string email, string password, string? ip = null)
    {
        var response = await LoginAsync(app.CreateClientFrom(ip ?? NewIp()), email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<Tokens>(Ct))!;
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = app.CreateClientFrom(NewIp());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    [Fact]
    public async Task Login_WithValidCredentials_AnswersIdentityTokenShape()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);

        var response = await LoginAsync(app.CreateClientFrom(NewIp()), email, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        json.RootElement.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        json.RootElement.GetProperty("refreshToken").GetString().ShouldNotBeNullOrEmpty();
        json.RootElement.GetProperty("expiresIn").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Login_UnknownWrongLockedDisabled_SameStatusAndText()
    {
        var locked = NewEmail();
        var disabled = NewEmail();
        var wrong = NewEmail();
        await app.CreateUserAsync(locked, Password);
        await app.CreateUserAsync(disabled, Password);
        await app.CreateUserAsync(wrong, Password);
        await LockOutAsync(locked);
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Email == disabled, Ct)).Disabled = true; await db.SaveChangesAsync(Ct); });

        var answers = new List<(HttpStatusCode Status, string? Title, string? Detail)>();
        foreach (var (email, password) in new[] { (NewEmail(), Password), (wrong, "Wrong-Passw0rd!"), (locked, Password), (disabled, Password) })
        {
            var response = await LoginAsync(app.CreateClientFrom(NewIp()), email, password);
            var problem = await ProblemDocument.ReadAsync(response);
            answers.Add((response.StatusCode, problem.Title, problem.Detail));
        }

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Unauthorized);
        answers.Select(a => (a.Title, a.Detail)).Distinct().Count().ShouldBe(1);
        answers[0].Detail.ShouldNotBeNullOrWhiteSpace();
    }

    /// <summary>
    /// Timing must not tell which emails have accounts: every refusal — unknown email, wrong password, locked out,
    /// disabled — verifies exactly one password hash, of the same cost (PBKDF2 with the same function and iteration
    /// count), so each takes the same work. Counted, not timed: a stopwatch on a shared machine measures the machine.
    /// </summary>
    [Fact]
    public async Task Login_UnknownLockedDisabled_VerifyOneHashOfTheSameCostAsAWrongPassword()
    {
        var wrong = NewEmail();
        var locked = NewEmail();
        var disabled = NewEmail();
        await app.CreateUserAsync(wrong, Password);
        await app.CreateUserAsync(locked, Password);
        await app.CreateUserAsync(disabled, Password);
        await LockOutAsync(locked);
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Email == disabled, Ct)).Disabled = true; await db.SaveChangesAsync(Ct); });

        var kinds = new (string Name, string Email, string Password)[]
        {
            ("wrong password", wrong, "Wrong-Passw0rd!"), ("unknown email", NewEmail(), Password), ("locked out", locked, Password), ("disabled", disabled, Password),
        };
        var costs = new Dictionary<string, string>();
        foreach (var (name, email, password) in kinds)
        {
            await using var scope = app.Services.CreateOperatorScope();
            var services = scope.ServiceProvider;
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var counting = new CountingHasher(users.PasswordHasher);
            users.PasswordHasher = counting;
            var handler = new SignInWithPassword.Handler(users, counting, services.GetRequiredService<Sessions>(),
                services.GetRequiredService<KeySell.Application.Security.SecurityLog>());

            var outcome = await handler.Handle(new SignInWithPassword.Command(email, password, "test"), Ct);

            outcome.Succeeded.ShouldBeFalse(name);
            counting.Verified.Count.ShouldBe(1, $"{name}: one password hash verified");
            costs[name] = Cost(counting.Verified[0]);
        }
        costs.Values.Distinct().Count().ShouldBe(1, string.Join("; ", costs.Select(c => $"{c.Key}: {c.Value}")));
    }

    /// <summary>What a hash costs to verify: ASP.NET Core Identity's v3 format starts with the PRF and the iteration count.</summary>
    private static string Cost(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        bytes[0].ShouldBe((byte)0x01, "an Identity v3 hash");
        return $"prf {System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1))}, iterations {System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5))}";
    }

    /// <summary>The app's hasher, noting every hash it is asked to verify.</summary>
    private sealed class CountingHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
    {
        public List<string> Verified { get; } = [];

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Verified.Add(hashedPassword);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task LockOutAsync(string email)
    {
        for (var i = 0; i < 5; i++) await LoginAsync(app.CreateClientFrom(NewIp()), email, "Wrong-Passw0rd!");
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LockedFor15MinutesEvenWithRightPassword()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);

        for (var i = 0; i < 4; i++) (await LoginAsync(app.CreateClientFrom(NewIp()), email, "Wrong-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app.CreateClientFrom(NewIp()), email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "four failures do not lock");
        for (var i = 0; i < 5; i++) await LoginAsync(app.CreateClientFrom(NewIp()), email, "Wrong-Passw0rd!");
        var afterFive = await LoginAsync(app.CreateClientFrom(NewIp()), email, Password);

        afterFive.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync(Ct));
        lockoutEnd.ShouldNotBeNull();
        (lockoutEnd.Value - DateTimeOffset.UtcNow).TotalMinutes.ShouldBeInRange(13.5, 15.1);
    }

    [Fact]
    public async Task RateLimits_Defaults_Are10FailedSignInsAnd600ApiRequestsPerMinute()
    {
        var settings = app.Services.GetRequiredService<IOptions<RateLimitSettings>>().Value;

        settings.FailedSignInsPerMinute.ShouldBe(10);
        settings.ApiRequestsPerMinute.ShouldBe(600);
    }

    [Fact]
    public async Task Login_TenFailuresFromOneIp_EleventhAnswers429WithRetryAfter_OtherIpsAndSuccessesUnaffected()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var ip = NewIp();
        var client = app.CreateClientFrom(ip);

        // Successes do not count: three of them first, then ten failures (across unknown emails, so no lockout).
        for (var i = 0; i < 3; i++) (await LoginAsync(client, email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 10; i++) (await LoginAsync(client, NewEmail(), "Wrong-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var eleventh = await LoginAsync(client, email, Password);
        var elsewhere = await LoginAsync(app.CreateClientFrom(NewIp()), email, Password);

        eleventh.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        eleventh.Headers.RetryAfter.ShouldNotBeNull();
        eleventh.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await ProblemDocument.ReadAsync(eleventh)).Status.ShouldBe(429);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_MoreThan600RequestsInAMinuteByOneUser_Answers429WithRetryAfter()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var client = Bearer((await TokensAsync(email, Password)).AccessToken);

        var statuses = new List<HttpStatusCode>();
        for (var batch = 0; batch < 31; batch++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/api/colleagues?pageSize=1", Ct)));
            statuses.AddRange(responses.Select(r => r.StatusCode));
        }
        var rejected = await client.GetAsync("/api/colleagues?pageSize=1", Ct);
        var otherUser = await (await app.CreateAdminClientAsync()).GetAsync("/api/colleagues?pageSize=1", Ct);

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(600);
        rejected.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        rejected.Headers.RetryAfter.ShouldNotBeNull();
        otherUser.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_EndsTheSession_TokenRejectedAfterwards()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var tokens = await TokensAsync(email, Password);
        var client = Bearer(tokens.AccessToken);
        (await client.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/auth/logout", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.CreateClientFrom(NewIp()).PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookie_AfterSignOut_IsRejected()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = app.CreateClientFrom(NewIp());
        var form = await SignInFormAsync(browser, email, Password);
        form.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = CookieFrom(form, "keysell.auth");
        cookie.ShouldNotBeNull();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        var stolen = cookie.Split(';')[0];

        var before = await WithCookie(stolen).GetAsync("/api/accounts", Ct);
        var signOut = await PostFormAsync(browser, "/logout", stolen, []);
        var after = await WithCookie(stolen).GetAsync("/api/accounts", Ct);

        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_Answers400()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);

        var response = await app.CreateClientFrom(NewIp()).PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = Password }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        CookieFrom(response, "keysell.auth").ShouldBeNull();
    }

    [Fact]
    public async Task LogoutForm_WithoutAntiforgeryToken_Answers400AndKeepsTheSession()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var browser = app.CreateClientFrom(NewIp());
        var cookie = CookieFrom(await SignInFormAsync(browser, email, Password), "keysell.auth")!.Split(';')[0];

        var request = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Cookie", cookie);
        var response = await app.CreateClientFrom(NewIp()).SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WithCookie(cookie).GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordChange_EndsOtherSessions_AndGivesTheCallerFreshTokens()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var other = Bearer((await TokensAsync(email, Password)).AccessToken);
        var caller = Bearer((await TokensAsync(email, Password)).AccessToken);

        var change = await caller.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "Changed-Passw0rd!" }, Ct);

        change.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = (await change.Content.ReadFromJsonAsync<Tokens>(Ct))!;
        (await other.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(fresh.AccessToken).GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(app.CreateClientFrom(NewIp()), email, Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app.CreateClientFrom(NewIp()), email, "Changed-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordChange_WithWrongCurrentPassword_Answers400AndChangesNothing()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var caller = Bearer((await TokensAsync(email, Password)).AccessToken);

        var change = await caller.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-It-Passw0rd!", newPassword = "Changed-Passw0rd!" }, Ct);

        change.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await caller.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DisabledUser_TokenRejected_AndCannotSignIn()
    {
        var email = NewEmail();
        var user = await app.CreateUserAsync(email, Password);
        var client = Bearer((await TokensAsync(email, Password)).AccessToken);

        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == user.Id, Ct)).Disabled = true; await db.SaveChangesAsync(Ct); });

        (await client.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(app.CreateClientFrom(NewIp()), email, Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeAll_AsForARoleChange_RejectsEveryTokenOfThatUserOnly()
    {
        var email = NewEmail();
        var user = await app.CreateUserAsync(email, Password);
        var first = Bearer((await TokensAsync(email, Password)).AccessToken);
        var second = Bearer((await TokensAsync(email, Password)).AccessToken);
        var admin = await app.CreateAdminClientAsync();

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SessionRevocation>().RevokeAllAsync(user.Id, "role-changed", ct: Ct);

        (await first.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LogoutAll_RejectsEveryTokenOfTheCaller()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var first = Bearer((await TokensAsync(email, Password)).AccessToken);
        var second = Bearer((await TokensAsync(email, Password)).AccessToken);

        (await first.PostAsync("/api/auth/logout-all", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await first.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_RotatesEachTime_ReusingAnOldTokenRevokesTheWholeChain()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var first = await TokensAsync(email, Password);
        var anyone = app.CreateClientFrom(NewIp());

        var refreshed = await anyone.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken }, Ct);
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await refreshed.Content.ReadFromJsonAsync<Tokens>(Ct))!;
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        (await Bearer(second.AccessToken).GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var replay = await anyone.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken }, Ct);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Bearer(second.AccessToken).GetAsync("/api/accounts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anyone.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var kinds = await app.WithDbAsync(db => db.SecurityEvents.Select(e => e.Kind).ToListAsync(Ct));
        kinds.ShouldContain("refresh-reuse");
    }

    [Fact]
    public async Task MustChangePassword_ApiAnswers403Problem_UntilChanged()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password, mustChangePassword: true);
        var client = Bearer((await TokensAsync(email, Password)).AccessToken);

        var blocked = await client.GetAsync("/api/accounts", Ct);
        var change = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "Own-Chosen-Passw0rd!" }, Ct);
        var fresh = (await change.Content.ReadFromJsonAsync<Tokens>(Ct))!;
        var after = await Bearer(fresh.AccessToken).GetAsync("/api/accounts", Ct);

        blocked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemDocument.ReadAsync(blocked)).Detail!.ShouldContain("password");
        change.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SecurityLog_AdminSeesSignInsNewestFirst_OthersGet403()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Password);
        var ip = NewIp();
        await LoginAsync(app.CreateClientFrom(ip), email, "Wrong-Passw0rd!");
        var seller = Bearer((await TokensAsync(email, Password, ip)).AccessToken);

        var page = await (await app.CreateAdminClientAsync()).GetAsync("/api/security-log?page=1&pageSize=200", Ct);
        var refused = await seller.GetAsync("/api/security-log", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        var mine = json.RootElement.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("email").GetString() == email)
            .Select(e => (Kind: e.GetProperty("kind").GetString(), Ip: e.GetProperty("ip").GetString()))
            .ToList();
        mine.Select(e => e.Kind).ShouldBe(["sign-in", "sign-in-failed"]);
        mine.ShouldAllBe(e => e.Ip == ip);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/api/accounts")]
    [InlineData("/health")]
    public async Task Responses_CarrySecurityHeaders(string path)
    {
        var response = await app.CreateClientFrom(NewIp()).GetAsync(path, Ct);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("script-src 'self' 'unsafe-inline'");
        csp.ShouldContain("connect-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Permissions-Policy").ShouldBeTrue();
        response.Headers.Contains("Server").ShouldBeFalse();
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS only over HTTPS");
    }

    private static string? CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : null;

    private HttpClient WithCookie(string cookie)
    {
        var client = app.CreateClientFrom(NewIp());
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Loads the sign-in page for its antiforgery token and cookie, then posts the form as a browser would.</summary>
    private async Task<HttpResponseMessage> SignInFormAsync(HttpClient browser, string email, string password) =>
        await PostFormAsync(browser, "/login", null, new() { ["email"] = email, ["password"] = password, ["returnUrl"] = "/" });

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string? authCookie, Dictionary<string, string> fields)
    {
        // The token is bound to who asks for the page, so a signed-in form is loaded with the sign-in cookie.
        var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/login");
        if (authCookie is not null) pageRequest.Headers.Add("Cookie", authCookie);
        var page = await browser.SendAsync(pageRequest, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>");
        input.Success.ShouldBeTrue("the sign-in page carries an antiforgery token");
        var token = System.Text.RegularExpressions.Regex.Match(input.Value, "value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token);

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", authCookie is null ? antiforgeryCookie : $"{antiforgeryCookie}; {authCookie}");
        return await browser.SendAsync(request, Ct);
    }
}

public sealed class SignInSecurityTests_Sqlite(SqliteApp app) : SignInSecurityTests<SqliteApp>(app);
public sealed class SignInSecurityTests_Postgres(PostgresApp app) : SignInSecurityTests<PostgresApp>(app);
