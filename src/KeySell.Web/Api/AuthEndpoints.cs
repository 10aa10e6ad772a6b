using KeySell.Application.Identity;

namespace KeySell.Web.Api;

public static class AuthEndpoints
{
    /// <summary>
    /// Identity's own endpoints under <c>/api/auth</c> (login returns a bearer <c>accessToken</c>).
    /// Self-registration is closed: only an admin may create users.
    /// </summary>
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();
        auth.MapIdentityApi<AppUser>().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Path.Value?.TrimEnd('/').EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true && !http.User.IsInRole(Roles.Admin))
                return TypedResults.Problem(statusCode: 403, detail: "Self-registration is closed; ask an administrator to create your account.");
            return await next(context);
        });
    }
}
