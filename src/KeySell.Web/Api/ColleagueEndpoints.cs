using KeySell.Application.Colleagues;
using KeySell.Application.Common;

namespace KeySell.Web.Api;

public static class ColleagueEndpoints
{
    public static void MapColleagueEndpoints(this RouteGroupBuilder api)
    {
        var colleagues = api.MapGroup("/colleagues").WithTags("Colleagues");

        colleagues.MapGet("/", async (string? search, Paging paging, ListColleagues.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListColleagues.Query(search, paging.Request), ct)).ToOk())
            .WithName("ListColleagues").WithSummary("Our own people, owners and counterparts, searched by name or title.")
            .Produces<Paged<ColleagueDetail>>();

        colleagues.MapGet("/{id:guid}", async (Guid id, GetColleague.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetColleague.Query(id), ct)).ToOk())
            .WithName("GetColleague").WithSummary("One colleague.")
            .Produces<ColleagueDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        colleagues.MapPost("/", async (CreateColleague.Command command, CreateColleague.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToCreated(c => $"/api/colleagues/{c.Id}"))
            .WithName("CreateColleague").WithSummary("Adds one of our own people.")
            .Produces<ColleagueDetail>(StatusCodes.Status201Created).ProducesValidationProblem();

        colleagues.MapPut("/{id:guid}", async (Guid id, UpdateColleague.Command command, UpdateColleague.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { Id = id }, ct)).ToOk())
            .WithName("UpdateColleague").WithSummary("Changes a colleague; 409 if someone saved a newer version.")
            .Produces<ColleagueDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        colleagues.MapDelete("/{id:guid}", async (Guid id, int version, DeleteColleague.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DeleteColleague.Command(id, version), ct)).ToNoContent())
            .WithName("DeleteColleague").WithSummary("Removes a colleague; 409 while they own deals, are a counterpart or sign in as a user.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
