using KeySell.Application.Common;
using KeySell.Application.Identity;
using KeySell.Application.RecycleBin;

namespace KeySell.Web.Api;

public static class RecycleBinEndpoints
{
    public static void MapRecycleBinEndpoints(this RouteGroupBuilder api)
    {
        var bin = api.MapGroup("/recycle-bin").WithTags("Recycle bin").RequireAuthorization(Roles.Admin);

        bin.MapGet("/", async (Paging paging, ListRecycleBin.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListRecycleBin.Query(paging.Request), ct)).ToOk())
            .WithName("ListRecycleBin").WithSummary("Deleted accounts, people and opportunities with who deleted them and when (admin only).")
            .Produces<Paged<RecycleBinEntry>>();

        bin.MapPost("/{entity}/{id:guid}/restore", async (string entity, Guid id, RestoreFromRecycleBin.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new RestoreFromRecycleBin.Command(entity, id), ct)).ToOk())
            .WithName("RestoreFromRecycleBin").WithSummary("Brings back an account, person or opportunity with what was deleted with it (admin only).")
            .Produces<RestoreFromRecycleBin.Restored>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
