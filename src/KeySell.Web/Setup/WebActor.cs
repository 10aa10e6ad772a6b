using System.Security.Claims;
using KeySell.Application.Common;

namespace KeySell.Web.Setup;

/// <summary>
/// The signed-in user for the audit columns. API requests have an HttpContext; interactive
/// components have none after the first render, so they hand over their user explicitly.
/// </summary>
public sealed class WebActor(IHttpContextAccessor http) : IActor
{
    public ClaimsPrincipal? User { get; set; }

    public string Name =>
        (User ?? http.HttpContext?.User)?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : "anonymous";
}
