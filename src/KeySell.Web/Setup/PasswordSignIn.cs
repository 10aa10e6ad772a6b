using System.Globalization;
using System.Security.Claims;
using KeySell.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Web.Setup;

/// <summary>
/// The sign-in both doors share, the /login form (cookie) and POST /api/auth/login (bearer): the
/// failed-attempt limit per client, the password check, and a credential carrying its session.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, SignInWithPassword.Handler check, FailedSignInLimit limit)
{
    public enum Result { SignedIn, SignedInMustChangePassword, Failed, Throttled }

    public async Task<(Result Result, TimeSpan RetryAfter)> TryAsync(HttpContext http, string? email, string? password, string scheme)
    {
        var client = RateLimitSetup.ClientKey(http);
        if (limit.WaitFor(client) is { } wait) return (Result.Throttled, wait);

        var outcome = await check.Handle(new SignInWithPassword.Command(email, password, http.Request.Headers.UserAgent.ToString()), http.RequestAborted);
        if (!outcome.Succeeded)
        {
            limit.CountFailure(client);
            return (Result.Failed, TimeSpan.Zero);
        }
        await IssueAsync(outcome.User!, outcome.Session!.Id, generation: 0, scheme);
        return (outcome.User!.MustChangePassword ? Result.SignedInMustChangePassword : Result.SignedIn, TimeSpan.Zero);
    }

    /// <summary>
    /// Signs the user in on <paramref name="scheme"/> with their current claims and stamp plus the
    /// session's id. For the bearer scheme this writes the token answer to the response.
    /// </summary>
    public async Task IssueAsync(AppUser user, Guid sessionId, int generation, string scheme)
    {
        signIn.AuthenticationScheme = scheme;
        List<Claim> claims =
        [
            new(SessionClaims.SessionId, sessionId.ToString()),
            new(SessionClaims.RefreshGeneration, generation.ToString(CultureInfo.InvariantCulture)),
        ];
        if (user.MustChangePassword) claims.Add(new Claim(SessionClaims.MustChangePassword, "true"));
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = true }, claims);
    }

    public static Guid? SessionId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaims.SessionId), out var id) ? id : null;
}
