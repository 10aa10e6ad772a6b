using KeySell.Application.Common;
using KeySell.Application.Funnel;

namespace KeySell.Web.Api;

public static class WorkQueueEndpoints
{
    /// <summary>The funnel contract's "Work queue (Home)": the open deals of a scope in the method's order.</summary>
    public static void MapWorkQueueEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/work-queue", async (string? scope, string? lang, Paging paging, ListWorkQueue.Handler handler, CancellationToken ct) =>
            {
                var parsed = PipelineScope.Parse(scope);
                if (parsed.Error is { } error) return ((Result<Paged<WorkQueueItem>>)error).ToOk();
                return (await handler.Handle(new ListWorkQueue.Query(parsed.Value, paging.Request, lang), ct)).ToOk();
            })
            .WithTags("Funnel").WithName("ListWorkQueue")
            .WithSummary("Open deals in the method's work order: best few, above, in, universe; then close date, amount in the base currency, name.")
            .WithDescription("`scope` is `me` (default), `team:{id}` (a team you are in; any for admins) or `all`. Red flags, critical count and premature "
                + "come from the stored analysis; `topFlag.message` follows `lang` (`en`, `zh-CN`), else `Accept-Language`. `nextAction` is the earliest open action (soonest due day, undated last, then the plan's order), or null.")
            .Produces<Paged<WorkQueueItem>>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}
