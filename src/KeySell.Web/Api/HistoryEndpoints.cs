using KeySell.Application.Common;
using KeySell.Application.History;

namespace KeySell.Web.Api;

public static class HistoryEndpoints
{
    /// <summary>The append-only history of a deal, an account or a person: read-only routes, none edits or deletes it.</summary>
    public static void MapHistoryEndpoints(this RouteGroupBuilder api)
    {
        Map(api, "/opportunities/{id:guid}/history", HistoryOf.Opportunity, "GetOpportunityHistory", "What changed on the deal, its influences, lists and shares.");
        Map(api, "/accounts/{id:guid}/history", HistoryOf.Account, "GetAccountHistory", "What changed on the account, its departments, people, relations and account team.");
        Map(api, "/people/{id:guid}/history", HistoryOf.Person, "GetPersonHistory", "What changed on the person and their part in the deals you read.");
    }

    private static void Map(RouteGroupBuilder api, string route, HistoryOf of, string name, string summary) =>
        api.MapGet(route, async (Guid id, DateTimeOffset? since, Paging paging, GetHistory.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetHistory.Query(of, id, since, paging.Request), ct)).ToOk())
            .WithTags("History").WithName(name).WithSummary(summary)
            .Produces<Paged<HistoryLine>>().ProducesProblem(StatusCodes.Status404NotFound);
}
