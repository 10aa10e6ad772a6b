using System.Text;
using KeySell.Application.Actions;
using KeySell.Application.Calendar;
using KeySell.Application.Common;

namespace KeySell.Web.Api;

public static class ActionEndpoints
{
    /// <summary>A deal's action plan, item by item (each action has its own version), and the caller's own open actions.</summary>
    public static void MapActionEndpoints(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/opportunities/{id:guid}/actions").WithTags("Actions");

        actions.MapGet("", async (Guid id, Paging paging, ListActions.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListActions.Query(id, paging.Request), ct)).ToOk())
            .WithName("ListActions").WithSummary("The deal's actions in the plan's order.");

        actions.MapPost("", async (Guid id, CreateAction.Command command, CreateAction.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { OpportunityId = id }, ct))
                    .ToCreated(a => $"/api/opportunities/{id}/actions/{Uri.EscapeDataString(a.Id)}"))
            .WithName("CreateAction")
            .WithSummary("Adds an action at the end of the plan; `id` is optional (the server makes the next free `a`-number).")
            .WithDescription("`text` (required, ≤ 4,000 characters), `ownerId` (a colleague, or null), `due` (a date or null), `status` "
                + "(`open` default, `done`, `dropped`), `influence` (an influence id of the deal, or null), `addresses` (red-flag ids). "
                + "At most 500 actions per deal. The deal's own version does not change.");

        actions.MapGet("/{actionId}", async (Guid id, string actionId, GetAction.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new GetAction.Query(id, actionId), ct)).ToOk());

        actions.MapPut("/{actionId}", async (Guid id, string actionId, UpdateAction.Command command, UpdateAction.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command with { OpportunityId = id, Id = actionId }, ct)).ToOk())
            .WithSummary("Saves one action against the `version` read: a stale version is 409 naming who saved and when.");

        actions.MapDelete("/{actionId}", async (Guid id, string actionId, int version, DeleteAction.Handler handler, CancellationToken ct) =>
            (await handler.Handle(new DeleteAction.Command(id, actionId, version), ct)).ToNoContent());

        actions.MapGet("/{actionId}.ics", async (Guid id, string actionId, HttpRequest request, DownloadCalendarEntry.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DownloadCalendarEntry.Query(id, DownloadCalendarEntry.Action, actionId, CalendarEndpoints.BaseUri(request)), ct))
                    .Match(CalendarEndpoints.Download, ApiResults.ToProblem))
            .WithName("DownloadActionIcs").WithSummary("The action as a single iCalendar file: an all-day entry on its due day.");

        api.MapGet("/opportunities/{id:guid}/calls/{callId}.ics", async (Guid id, string callId, HttpRequest request, DownloadCalendarEntry.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new DownloadCalendarEntry.Query(id, DownloadCalendarEntry.Call, callId, CalendarEndpoints.BaseUri(request)), ct))
                    .Match(CalendarEndpoints.Download, ApiResults.ToProblem))
            .WithTags("Calls").WithName("DownloadCallIcs").WithSummary("The call as a single iCalendar file: an all-day entry on its date.");

        api.MapGet("/me/actions", async (string? due, Paging paging, ListMyActions.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ListMyActions.Query(due, paging.Request), ct)).ToOk())
            .WithTags("Actions").WithName("ListMyActions")
            .WithSummary("The caller's open actions: on deals their colleague owns, or owned by their colleague; deals they may read only.")
            .WithDescription("`due=week` (default): due on or before the end of this week (weeks run Monday to Sunday), overdue ones included. "
                + "`due=all`: every open one, undated included. Ordered by due day (undated last), deal name, the plan's order.")
            .Produces<Paged<MyAction>>().ProducesValidationProblem();
    }
}
