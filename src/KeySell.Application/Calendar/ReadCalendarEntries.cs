using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calendar;

/// <summary>
/// Reads calls and actions as calendar entries, through the access rules of the context's caller, with the names an
/// entry shows (deal, account, the people met, the action's owner and person) in three reads whatever their number.
/// </summary>
internal static class ReadCalendarEntries
{
    public static async Task<List<CalendarEntry>> ReadAsync(AppDbContext db, IQueryable<Call> calls, IQueryable<SellingAction> actions, CancellationToken ct)
    {
        var callRows = await (from c in calls.AsNoTracking()
                              join o in db.Opportunities on c.OpportunityId equals o.Id
                              select new { Call = c, DealName = o.Name, AccountName = o.Account!.Name }).ToListAsync(ct);
        var actionRows = await (from a in actions.AsNoTracking().Where(a => a.Due != null)
                                join o in db.Opportunities on a.OpportunityId equals o.Id
                                select new
                                {
                                    Action = a, DealName = o.Name, AccountName = o.Account!.Name,
                                    Owner = a.Owner != null ? a.Owner.Name : null,
                                }).ToListAsync(ct);

        var deals = callRows.Select(r => r.Call.OpportunityId).Concat(actionRows.Select(r => r.Action.OpportunityId)).Distinct().ToList();
        var people = deals.Count == 0
            ? []
            : (await db.BuyingInfluences.AsNoTracking().Where(i => deals.Contains(i.OpportunityId))
                .Select(i => new { i.OpportunityId, i.Key, i.Person!.Name }).ToListAsync(ct))
                .ToDictionary(i => (i.OpportunityId, i.Key), i => i.Name);
        string NameOf(Guid deal, string key) => people.GetValueOrDefault((deal, key)) ?? key;

        var entries = new List<CalendarEntry>(callRows.Count + actionRows.Count);
        foreach (var row in callRows)
        {
            var call = row.Call;
            var with = call.With.Count == 0 ? Messages.Format("Calendar.call.NoOne") : string.Join(", ", call.With.Select(k => NameOf(call.OpportunityId, k)));
            var details = new List<string>();
            if (!string.IsNullOrWhiteSpace(call.Commitment)) details.Add(Messages.Format("Calendar.call.Commitment", call.Commitment));
            details.AddRange(call.Questions.Select(q => "• " + q.Text));
            entries.Add(new CalendarEntry("call", call.OpportunityId, call.Key, call.Date, with, row.DealName, row.AccountName, details,
                call.UpdatedAt, call.Version, Cancelled: call.Status == CallStatus.Cancelled));
        }
        foreach (var row in actionRows)
        {
            var action = row.Action;
            var details = new List<string>();
            if (row.Owner is not null) details.Add(Messages.Format("Calendar.action.Owner", row.Owner));
            if (action.InfluenceKey is { } key) details.Add(Messages.Format("Calendar.action.Person", NameOf(action.OpportunityId, key)));
            entries.Add(new CalendarEntry("action", action.OpportunityId, action.Key, action.Due!.Value, action.Text, row.DealName, row.AccountName,
                details, action.UpdatedAt, action.Version));
        }
        return [.. entries.OrderBy(e => e.Day).ThenBy(e => e.OpportunityName, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }
}
