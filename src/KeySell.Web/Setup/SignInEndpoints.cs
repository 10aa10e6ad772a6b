using KeySell.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KeySell.Web.Setup;

public static class SignInEndpoints
{
    /// <summary>The sign-in form posts here; a cookie is set and the browser goes back where it came from.</summary>
    public static void MapSignInEndpoints(this WebApplication app)
    {
        app.MapPost("/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            var result = await signIn.PasswordSignInAsync(email?.Trim() ?? "", password ?? "", isPersistent: true, lockoutOnFailure: true);
            var back = SafeReturnUrl(returnUrl);
            if (result.Succeeded) return Results.LocalRedirect(back);
            var reason = result.IsLockedOut ? "locked" : "invalid";
            return Results.LocalRedirect($"/login?error={reason}&returnUrl={Uri.EscapeDataString(back)}");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") || returnUrl.StartsWith("/\\")
            ? "/"
            : returnUrl;
}
