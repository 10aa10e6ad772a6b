using KeySell.Application.Process;

namespace KeySell.Web.Api;

public static class ProcessEndpoints
{
    public static void MapProcessEndpoints(this RouteGroupBuilder api)
    {
        var milestones = api.MapGroup("/opportunities/{id:guid}/milestones").WithTags("Process");

        milestones.MapGet("/", async (Guid id, ListMilestones.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new ListMilestones.Query(id), ct)).ToOk());

        milestones.MapPut("/{milestone}", async (Guid id, string milestone, SaveMilestone.Command command, SaveMilestone.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { OpportunityId = id, Id = milestone }, ct)).ToOk());
    }
}
