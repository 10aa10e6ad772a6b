using KeySell.Application.Common;
using KeySell.Application.Identity;
using KeySell.Application.Security;

namespace KeySell.Web.Api;

public static class SecurityLogEndpoints
{
    /// <summary>Read-only on purpose: the log is append-only, so no route edits or deletes it.</summary>
    public static void MapSecurityLogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/security-log", async (Paging paging, ListSecurityEvents.Handler handler, CancellationToken ct) =>
                Results.Ok(await handler.Handle(new ListSecurityEvents.Query(paging.Request), ct)))
            .RequireAuthorization(Roles.Admin)
            .WithTags("Security").WithName("ListSecurityEvents")
            .WithSummary("Sign-ins (with failures and IPs), sign-outs, password and user/team changes, newest first. Admins only.")
            .Produces<Paged<ListSecurityEvents.Item>>().ProducesProblem(403);
    }
}
