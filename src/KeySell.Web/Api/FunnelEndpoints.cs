using KeySell.Application.Funnel;

namespace KeySell.Web.Api;

public static class FunnelEndpoints
{
    /// <summary>The funnel summary (funnel contract): six levels with counts, base-currency amounts and premature deals.</summary>
    public static void MapFunnelEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/funnel", async (string? scope, string? closeFrom, string? closeTo, GetFunnelSummary.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetFunnelSummary.Query(scope, closeFrom, closeTo), ct)).ToOk())
            .WithTags("Funnel")
            .WithName("GetFunnelSummary")
            .WithSummary("Per funnel level: deals, amount in the base currency and premature deals, over the scope's deals the caller may read.")
            .Produces<GetFunnelSummary.Summary>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
