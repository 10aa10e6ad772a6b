using KeySell.Application.IdealCustomer;

namespace KeySell.Web.Api;

public static class IdealCustomerEndpoints
{
    /// <summary>The ideal-customer profile (funnel contract): the team's weighted criteria and each account's ratings.</summary>
    public static void MapIdealCustomerEndpoints(this RouteGroupBuilder api)
    {
        var criteria = api.MapGroup("/ideal-customer").WithTags("Ideal customer");

        criteria.MapGet("/criteria", async (GetFitCriteria.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetFitCriteria.Query(), ct)).ToOk())
            .WithName("GetFitCriteria").WithSummary("The team's weighted ideal-customer criteria, in the caller's language while a default is untouched.")
            .Produces<FitCriteriaList>();

        criteria.MapPut("/criteria", async (SaveFitCriteria.Command command, SaveFitCriteria.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToOk())
            .WithName("SaveFitCriteria").WithSummary("Replaces the criteria (admins and managers); a changed weight or a removal re-scores every account. Answers as the GET does.")
            .Produces<FitCriteriaList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        var accounts = api.MapGroup("/accounts").WithTags("Ideal customer");

        accounts.MapGet("/{id:guid}/fit", async (Guid id, GetAccountFit.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetAccountFit.Query(id), ct)).ToOk())
            .WithName("GetAccountFit").WithSummary("The account's ideal-customer score, coverage, prune mark and ratings.")
            .Produces<AccountFit>().ProducesProblem(StatusCodes.Status404NotFound);

        accounts.MapPut("/{id:guid}/fit", async (Guid id, FitInput input, RateAccount.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RateAccount.Command(id, input.Ratings), ct)).ToOk())
            .WithName("RateAccount").WithSummary("Replaces the account's ratings (−5…+5 or unrated, with a note) and answers with its fit.")
            .Produces<AccountFit>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record FitInput(IReadOnlyList<RateAccount.Given>? Ratings);
}
