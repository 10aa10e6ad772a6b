using KeySell.Application.Opportunities;

namespace KeySell.Web.Api;

public static class RedFlagEndpoints
{
    public static void MapRedFlagEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/opportunities/{id:guid}/analysis", async (Guid id, string? lang, AnalyzeOpportunity.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new AnalyzeOpportunity.Query(id, lang), ct)).ToOk())
            .WithTags("Red flags").WithName("AnalyzeOpportunity")
            .WithSummary("The deal judged by the method as of today: red flags with message and action, receptive influences, funnel verdict.")
            .WithDescription("`lang` is `en` (default) or `zh-CN`. The format is the strategy-sheet contract's analysis output.");
}
