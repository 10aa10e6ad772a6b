using KeySell.Application.Common;
using KeySell.Application.Quotas;

namespace KeySell.Web.Api;

public static class QuotaEndpoints
{
    /// <summary>Quotas and each seller's coverage of theirs (funnel contract: quota and coverage).</summary>
    public static void MapQuotaEndpoints(this RouteGroupBuilder api)
    {
        var quotas = api.MapGroup("/quotas").WithTags("Quotas");
        quotas.MapGet("/", async (string? period, Paging paging, ListQuotas.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListQuotas.Query(period, paging.Request), ct)).ToOk())
            .WithName("ListQuotas").WithSummary("The quotas the caller may see (their own, their managed teams' members', everyone's for an admin), of one period when given.")
            .Produces<Paged<QuotaItem>>().ProducesValidationProblem();

        quotas.MapPut("/", async (SetQuota.Command command, SetQuota.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToOk())
            .WithName("SetQuota").WithSummary("Sets a user's quota for a period (YYYY or YYYY-Qn) in the base currency; admins for anyone, managers for the members of the teams they manage.")
            .Produces<QuotaItem>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/coverage", async (string? userId, string? period, GetCoverage.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetCoverage.Query(userId, period), ct)).ToOk())
            .WithTags("Quotas").WithName("GetCoverage")
            .WithSummary("A seller's won, weighted pipeline, coverage and gap for a period, the win rates used and what the quota needs at each level; the caller's own without userId.")
            .Produces<GetCoverage.Sheet>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
