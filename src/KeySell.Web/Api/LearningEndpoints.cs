using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Learning;

namespace KeySell.Web.Api;

public static class LearningEndpoints
{
    /// <summary>The course's self-checks, the daily drill from the caller's own deals, and progress (decision 0032).</summary>
    public static void MapLearningEndpoints(this RouteGroupBuilder api)
    {
        var learn = api.MapGroup("/learn").WithTags("Learning");

        learn.MapGet("/self-checks", async (Guid? opportunityId, ListSelfChecks.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListSelfChecks.Query(opportunityId), ct)).ToOk())
            .WithName("ListSelfChecks")
            .WithSummary("The four self-checks (1-1, 2-1, 3-1, 4-1) with their title, prompt and data, in the caller's language; 2-1 shows the org chart of opportunityId, else of the caller's first open deal (by name) with roles mapped.")
            .Produces<Paged<ListSelfChecks.SelfCheck>>().ProducesProblem(StatusCodes.Status404NotFound);

        learn.MapPost("/self-checks/{id}/answers", async (string id, JsonElement answer, AnswerSelfCheck.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new AnswerSelfCheck.Command(id, answer), ct)).ToOk())
            .WithName("AnswerSelfCheck")
            .WithSummary("Grades an answer at once — score 0…1, what was right and wrong, the explanation in the caller's language and the right answer — and keeps it in the caller's progress.")
            .Produces<SelfCheckOutcome>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        learn.MapGet("/drill", async (GetDrill.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetDrill.Query(), ct)).ToOk())
            .WithName("GetDrill")
            .WithSummary("Today's five questions from the deals the caller may read (their own first); the same all day, answered ones with their score.")
            .Produces<GetDrill.Drill>().ProducesProblem(StatusCodes.Status403Forbidden);

        learn.MapPost("/drill/answers", async (AnswerDrill.Command command, AnswerDrill.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToOk())
            .WithName("AnswerDrill")
            .WithSummary("Checks a drill answer by the engine on the deal as it stands; the explanation links to the sheet's cell it is about. The first answer of the day to a question counts.")
            .Produces<DrillOutcome>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        learn.MapGet("/progress", async (string? userId, GetProgress.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetProgress.Query(userId), ct)).ToOk())
            .WithName("GetLearningProgress")
            .WithSummary("A user's results over time per self-check and drill topic; the caller's own without userId. Private to the user, the managers of their teams and admins.")
            .Produces<GetProgress.Progress>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        learn.MapGet("/team-progress", async (int? days, GetTeamProgress.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetTeamProgress.Query(days), ct)).ToOk())
            .WithName("GetTeamLearningProgress")
            .WithSummary("For managers (every user for admins): each member's average per topic over the last days (90 by default) and the team's, weakest topic first.")
            .Produces<GetTeamProgress.Team>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
