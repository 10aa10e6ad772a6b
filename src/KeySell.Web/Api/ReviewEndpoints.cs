using KeySell.Application.Common;
using KeySell.Application.Reviews;

namespace KeySell.Web.Api;

public static class ReviewEndpoints
{
    /// <summary>The manager's review (funnel contract): record that a deal was reviewed, read a deal's reviews, and the team review.</summary>
    public static void MapReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/opportunities/{id:guid}/reviews", async (Guid id, ReviewInput? input, RecordReview.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RecordReview.Command(id, input?.Note), ct)).ToCreated(_ => $"/api/opportunities/{id}/reviews"))
            .WithTags("Reviews").WithName("RecordReview")
            .WithSummary("Records that a manager reviewed the deal now (managers of a team the owner is in, and admins); the deal's changes since its last review start again from zero.")
            .WithDescription("`note` is optional, at most 2,000 characters. Answers `201 { id, opportunityId, at, by, byName, note }`.")
            .Produces<ReviewDetail>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/opportunities/{id:guid}/reviews", async (Guid id, Paging paging, ListReviews.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListReviews.Query(id, paging.Request), ct)).ToOk())
            .WithTags("Reviews").WithName("ListReviews").WithSummary("The deal's reviews, newest first (whoever reads the deal).")
            .Produces<Paged<ReviewDetail>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/team-review", async (Guid teamId, string? period, Paging paging, GetTeamReview.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetTeamReview.Query(teamId, period, paging.Request), ct)).ToOk())
            .WithTags("Reviews").WithName("GetTeamReview")
            .WithSummary("The team review: per member open deals, amount, premature, stale, quota, won, weighted, coverage and gap; red flags by rule; the ten riskiest deals; changes since each deal's last review (a page of them, most changed first).")
            .WithDescription("The team's managers and admins only (others 403; an unknown team 404). `period` is `2027` or `2027-Q1` (default: the current quarter; else 400). `page`/`pageSize` page the `deals` list.")
            .Produces<GetTeamReview.Answer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed record ReviewInput(string? Note);
}
