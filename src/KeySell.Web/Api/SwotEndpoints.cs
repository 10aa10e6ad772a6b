using KeySell.Application.Swot;

namespace KeySell.Web.Api;

public static class SwotEndpoints
{
    public static void MapSwotEndpoints(this RouteGroupBuilder api)
    {
        Map(api.MapGroup("/opportunities/{id:guid}/swot").WithTags("SWOT"), SwotOf.Opportunity, "Opportunity");
        Map(api.MapGroup("/accounts/{id:guid}/swot").WithTags("SWOT"), SwotOf.Account, "Account");
    }

    private static void Map(RouteGroupBuilder swot, Func<Guid, SwotOf> of, string whose)
    {
        swot.MapGet("/", async (Guid id, GetSwot.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetSwot.Query(of(id)), ct)).ToOk())
            .WithName($"Get{whose}Swot").WithSummary("The four SWOT lists; version 0 while none is saved.")
            .Produces<SwotDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        swot.MapPut("/", async (Guid id, SwotInput input, SaveSwot.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new SaveSwot.Command(of(id), input.Strengths, input.Weaknesses, input.Opportunities, input.Threats, input.Version), ct)).ToOk())
            .WithName($"Save{whose}Swot").WithSummary("Saves the four lists (at most 100 entries of 4,000 characters each), guarded by the SWOT's own version.")
            .Produces<SwotDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed record SwotInput(IReadOnlyList<string?>? Strengths, IReadOnlyList<string?>? Weaknesses, IReadOnlyList<string?>? Opportunities,
        IReadOnlyList<string?>? Threats, int Version);
}
