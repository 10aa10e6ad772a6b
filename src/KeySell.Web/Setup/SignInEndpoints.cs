using System.Security.Claims;
using KeySell.Application.Identity;
using KeySell.Application.Security;
using KeySell.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Setup;

public static class SignInEndpoints
{
    /// <summary>
    /// The browser's forms post here: sign-in sets the cookie, sign-out ends the session, and the
    /// account page's password change and "sign out everywhere". Each form carries an antiforgery token.
    /// </summary>
    public static void MapSignInEndpoints(this WebApplication app)
    {
        // [FromForm] parameters make the antiforgery middleware's verdict binding: no token, 400.
        app.MapPost("/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
            HttpContext http, PasswordSignIn signIn, IStringLocalizer<UiText> text) =>
        {
            var back = SafeReturnUrl(returnUrl);
            var (result, wait) = await signIn.TryAsync(http, email, password, IdentityConstants.ApplicationScheme);
            return result switch
            {
                PasswordSignIn.Result.SignedIn => Results.LocalRedirect(back),
                PasswordSignIn.Result.SignedInMustChangePassword => Results.LocalRedirect(SessionGate.AccountPath),
                PasswordSignIn.Result.Throttled => TooMany(wait, text["SignIn.Error.throttled"]),
                // One answer for every refusal, so the page does not tell which emails have accounts.
                _ => Results.LocalRedirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}"),
            };
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, Sessions sessions, SecurityLog log, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var user = http.User;
            await sessions.RevokeAsync(user.FindFirstValue(SessionClaims.SessionId), SecurityEventKinds.SignOut, http.RequestAborted);
            await log.RecordAsync(SecurityEventKinds.SignOut, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name, null, http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost($"{SessionGate.AccountPath}/password", async ([FromForm] string? currentPassword, [FromForm] string? newPassword, [FromForm] string? confirmPassword,
            HttpContext http, ChangePassword.Handler handler, Sessions sessions, PasswordSignIn signIn) =>
        {
            if (newPassword != confirmPassword) return Results.LocalRedirect($"{SessionGate.AccountPath}?error=confirm");
            var sessionId = PasswordSignIn.SessionId(http.User);
            var changed = await handler.Handle(new ChangePassword.Command(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, sessionId, currentPassword, newPassword), http.RequestAborted);
            if (!changed.Succeeded)
            {
                var error = changed.Error!.Fields.ContainsKey("currentPassword") ? "current" : "new";
                return Results.LocalRedirect($"{SessionGate.AccountPath}?error={error}");
            }
            // The password change renewed the stamp; this browser keeps its session with a fresh cookie.
            if (sessionId is { } id && await sessions.AdvanceAsync(id, http.RequestAborted) is { } generation)
                await signIn.IssueAsync(changed.Value, id, generation, IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect($"{SessionGate.AccountPath}?done=password");
        }).ExcludeFromDescription();

        app.MapPost($"{SessionGate.AccountPath}/sign-out-all", async (HttpContext http, IAntiforgery antiforgery, SessionRevocation revocation, SecurityLog log, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            await revocation.RevokeAllAsync(userId, SecurityEventKinds.SignOutAll, ct: http.RequestAborted);
            await log.RecordAsync(SecurityEventKinds.SignOutAll, userId, http.User.Identity?.Name, null, http.RequestAborted);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") || returnUrl.StartsWith("/\\")
            ? "/"
            : returnUrl;

    private static IResult TooMany(TimeSpan wait, string message) => new TooManyPage(wait, message);

    /// <summary>A person at the form gets a readable line, with the same status and Retry-After as a script.</summary>
    private sealed class TooManyPage(TimeSpan wait, string message) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = RateLimitSetup.RetryAfterSeconds(wait);
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(message);
        }
    }
}
