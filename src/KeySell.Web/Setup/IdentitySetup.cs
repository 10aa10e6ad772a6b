using KeySell.Application.Data;
using KeySell.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Web.Setup;

public static class IdentitySetup
{
    public const string SignInPath = "/login";

    public static void AddKeySellIdentity(this WebApplicationBuilder builder)
    {
        // Keys in the database: every app server behind a load balancer accepts every other's cookies and tokens.
        builder.AddKeySellDataProtection();

        builder.Services.AddIdentityApiEndpoints<AppUser>(IdentityRules.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<KeySellClaims>();

        // Identity's API setup challenges with the bearer scheme; a browser should be sent to the
        // sign-in page instead, and the cookie events below keep /api answers a plain 401.
        builder.Services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            options.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPath;
            cookie.Cookie.Name = "keysell.auth";
            cookie.SlidingExpiration = true;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Instead of Identity's stamp check every 30 minutes: the session and stamp on every request.
            cookie.Events.OnValidatePrincipal = SessionGate.ValidateCookieAsync;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            // An API caller gets a status and a problem document, never an HTML redirect.
            cookie.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized, "Sign in first: send a bearer token from POST /api/auth/login or a sign-in cookie.");
            cookie.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden, "Your account may not do this.");
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Admin, policy => policy.RequireRole(Roles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        builder.Services.AddScoped<PasswordSignIn>();
    }

    private static async Task ApiOr(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return;
        }
        context.Response.StatusCode = status;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
