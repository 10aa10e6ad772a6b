using System.Globalization;
using System.Security.Claims;
using KeySell.Application.Identity;
using KeySell.Application.Security;
using KeySell.Web.Setup;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KeySell.Web.Api;

/// <summary>
/// Sign-in for scripts under <c>/api/auth</c>: only these five routes. Identity's other endpoints
/// (register, confirmEmail, forgotPassword, manage/…) are deliberately not mapped: users are created
/// by an admin, so there is no door for anyone else to make themselves one.
/// </summary>
public static class AuthEndpoints
{
    public const string SignInFailed =
        "The email or password is not correct, or this account cannot sign in now.";

    public sealed record LoginRequest(string Email, string Password);
    public sealed record RefreshRequest(string RefreshToken);
    public sealed record PasswordRequest(string CurrentPassword, string NewPassword);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/login", async (LoginRequest body, HttpContext http, PasswordSignIn signIn) =>
            {
                var (result, wait) = await signIn.TryAsync(http, body.Email, body.Password, IdentityConstants.BearerScheme);
                return result switch
                {
                    PasswordSignIn.Result.Throttled => TooMany(wait),
                    PasswordSignIn.Result.Failed => TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: SignInFailed),
                    // The bearer handler has written { tokenType, accessToken, expiresIn, refreshToken }.
                    _ => Results.Empty,
                };
            })
            .AllowAnonymous()
            .WithName("Login").WithSummary("Signs in with email and password; answers a bearer access token and a single-use refresh token.")
            .Produces<AccessTokenResponse>().ProducesProblem(401).ProducesProblem(429);

        auth.MapPost("/refresh", async (RefreshRequest body, HttpContext http, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time,
                Sessions sessions, UserManager<AppUser> users, PasswordSignIn signIn) =>
            {
                var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
                var refused = TypedResults.Problem(statusCode: 401, title: "Refresh refused.", detail: "This refresh token is expired, was already used, or its session has ended; sign in again.");
                if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires) return refused;
                var principal = ticket.Principal;
                if (await SessionGate.CheckAsync(http.RequestServices, principal, http.RequestAborted) == SessionState.Closed) return refused;
                if (!int.TryParse(principal.FindFirstValue(SessionClaims.RefreshGeneration), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)) return refused;

                var sessionId = principal.FindFirstValue(SessionClaims.SessionId);
                if (await sessions.RotateAsync(sessionId, generation, http.RequestAborted) != RefreshOutcome.Rotated) return refused;
                var user = await users.FindByIdAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
                if (user is null) return refused;
                await signIn.IssueAsync(user, Guid.Parse(sessionId!), generation + 1, IdentityConstants.BearerScheme);
                return Results.Empty;
            })
            .AllowAnonymous()
            .WithName("Refresh").WithSummary("Trades a refresh token for new tokens. Each refresh token works once; presenting a used one ends the session.")
            .Produces<AccessTokenResponse>().ProducesProblem(401);

        auth.MapPost("/logout", async (ClaimsPrincipal user, Sessions sessions, SecurityLog log, CancellationToken ct) =>
            {
                await sessions.RevokeAsync(user.FindFirstValue(SessionClaims.SessionId), SecurityEventKinds.SignOut, ct);
                await log.RecordAsync(SecurityEventKinds.SignOut, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name, null, ct);
                return Results.NoContent();
            })
            .WithName("Logout").WithSummary("Ends the calling session on the server: its tokens (or cookie) stop working.")
            .Produces(204);

        auth.MapPost("/logout-all", async (ClaimsPrincipal user, SessionRevocation revocation, SecurityLog log, CancellationToken ct) =>
            {
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
                await revocation.RevokeAllAsync(userId, SecurityEventKinds.SignOutAll, ct: ct);
                await log.RecordAsync(SecurityEventKinds.SignOutAll, userId, user.Identity?.Name, null, ct);
                return Results.NoContent();
            })
            .WithName("LogoutAll").WithSummary("Signs the caller out of every device: every session, cookie and token of theirs ends.")
            .Produces(204);

        auth.MapPost("/password", async (PasswordRequest body, HttpContext http, ChangePassword.Handler handler, Sessions sessions, PasswordSignIn signIn) =>
            {
                var sessionId = PasswordSignIn.SessionId(http.User);
                var changed = await handler.Handle(new ChangePassword.Command(
                    http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, sessionId, body.CurrentPassword, body.NewPassword), http.RequestAborted);
                if (!changed.Succeeded) return changed.Error!.ToProblem();
                // The stamp changed, so the caller's own credential is stale too: it gets a fresh one for the same session.
                if (sessionId is not { } id || await sessions.AdvanceAsync(id, http.RequestAborted) is not { } generation)
                    return Results.NoContent();
                var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
                await signIn.IssueAsync(changed.Value, id, generation, bearer ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);
                return bearer ? Results.Empty : Results.NoContent();
            })
            .WithName("ChangePassword").WithSummary("Changes the caller's own password and ends their other sessions; a bearer caller gets new tokens for this session.")
            .Produces<AccessTokenResponse>().ProducesValidationProblem();
    }

    private static IResult TooMany(TimeSpan wait) => new TooManyResult(wait);

    private sealed class TooManyResult(TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => RateLimitSetup.WriteTooManyAsync(http, wait,
            "Too many failed sign-ins from this address; wait before trying again.").AsTask();
    }
}
