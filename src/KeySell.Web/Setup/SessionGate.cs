using System.Security.Claims;
using KeySell.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KeySell.Web.Setup;

/// <summary>
/// Lets a credential through only while its session is open, its user enabled and its security
/// stamp current, checked on every request: a sign-out, password change, role change or disable
/// takes effect at once. A user who must change their password can reach only that.
/// </summary>
public static class SessionGate
{
    private const string CheckedKey = "keysell:session-state";

    public const string AccountPath = "/account";

    /// <summary>The cookie handler's check; a closed session's cookie is deleted as well as refused.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (await CheckAsync(context.HttpContext, context.Principal) == SessionState.Closed)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public static async Task<SessionState> CheckAsync(IServiceProvider services, ClaimsPrincipal? principal, CancellationToken ct)
    {
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return await services.GetRequiredService<Sessions>().CheckAsync(
            principal?.FindFirstValue(SessionClaims.SessionId),
            principal?.FindFirstValue(ClaimTypes.NameIdentifier),
            principal?.FindFirstValue(stampType),
            ct);
    }

    private static async Task<SessionState> CheckAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        var state = await CheckAsync(http.RequestServices, principal, http.RequestAborted);
        http.Items[CheckedKey] = state;
        return state;
    }

    /// <summary>After authentication: checks bearer tokens (cookies were checked by their handler) and keeps a must-change user to the account page.</summary>
    public static void UseSessionGate(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var state = http.Items.TryGetValue(CheckedKey, out var known) && known is SessionState checkedState
                ? checkedState
                : await CheckAsync(http, http.User);
            if (state == SessionState.Closed)
            {
                // Anonymous from here on: authorization answers 401 (API) or sends the browser to /login.
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else if (state == SessionState.OpenMustChangePassword && !OpenWhilePasswordMustChange(http))
            {
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status403Forbidden,
                            Title = "Password change required.",
                            Detail = "Your password was set by an administrator: change it with POST /api/auth/password (or on the My account page) before using the API.",
                        },
                    });
                    return;
                }
                if (HttpMethods.IsGet(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
                {
                    http.Response.Redirect(AccountPath);
                    return;
                }
            }
        }
        await next(http);
    });

    private static bool OpenWhilePasswordMustChange(HttpContext http)
    {
        var path = http.Request.Path;
        return path.StartsWithSegments("/api/me") || path.StartsWithSegments("/api/auth") ||
               path.StartsWithSegments(AccountPath) || path.StartsWithSegments("/logout") || path.StartsWithSegments("/login");
    }
}
