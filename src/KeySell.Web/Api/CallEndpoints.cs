using KeySell.Application.Calls;

namespace KeySell.Web.Api;

public static class CallEndpoints
{
    public static void MapCallEndpoints(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/opportunities/{id:guid}/calls").WithTags("Calls");

        calls.MapGet("/", async (Guid id, ListCalls.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new ListCalls.Query(id), ct)).ToOk());

        calls.MapPost("/", async (Guid id, PlanCall.Command command, PlanCall.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { OpportunityId = id }, ct)).ToCreated(c => $"/api/opportunities/{id}/calls/{Uri.EscapeDataString(c.Id)}"));

        // A literal segment outranks {callId}, so the suggestions never read as a call's id.
        calls.MapGet("/suggestions", async (Guid id, string? with, SuggestCallQuestions.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new SuggestCallQuestions.Query(id, with), ct)).ToOk());

        calls.MapGet("/{callId}", async (Guid id, string callId, GetCall.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new GetCall.Query(id, callId), ct)).ToOk());

        calls.MapPut("/{callId}", async (Guid id, string callId, UpdateCall.Command command, UpdateCall.Handler handler, CancellationToken ct) =>
            (await handler.Handle(command with { OpportunityId = id, CallId = callId }, ct)).ToOk());

        calls.MapDelete("/{callId}", async (Guid id, string callId, int version, RemoveCall.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new RemoveCall.Command(id, callId, version), ct)).ToNoContent());
    }
}
