using KeySell.Application.BuyingInfluences;

namespace KeySell.Web.Api;

public static class BuyingInfluenceEndpoints
{
    public static void MapBuyingInfluenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/opportunities/{id:guid}/influences", async (Guid id, AddBuyingInfluence.Command command, AddBuyingInfluence.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { OpportunityId = id }, ct)).ToCreated(i => $"/api/influences/{i.Id}"))
            .WithTags("Buying influences");

        var influences = api.MapGroup("/influences").WithTags("Buying influences");

        influences.MapGet("/{id:guid}", async (Guid id, GetBuyingInfluence.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new GetBuyingInfluence.Query(id), ct)).ToOk());

        influences.MapPut("/{id:guid}", async (Guid id, UpdateBuyingInfluence.Command command, UpdateBuyingInfluence.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { Id = id }, ct)).ToOk());

        influences.MapDelete("/{id:guid}", async (Guid id, int version, RemoveBuyingInfluence.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new RemoveBuyingInfluence.Command(id, version), ct)).ToNoContent());
    }
}
