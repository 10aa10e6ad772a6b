using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calendar;

/// <summary>
/// One call or one action of a deal as a single <c>.ics</c> file, to put into any calendar by hand. Read under the
/// caller's access rules: a deal they cannot read has neither. An action needs a due day to be a day in a calendar.
/// </summary>
public static class DownloadCalendarEntry
{
    public const string Call = "call";
    public const string Action = "action";

    /// <param name="Kind"><see cref="Call"/> or <see cref="Action"/>.</param>
    public sealed record Query(Guid OpportunityId, string Kind, string Key, Uri BaseUri);

    public sealed record File(string Name, string Text);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<File>> Handle(Query query, CancellationToken ct)
        {
            var calls = db.Calls.Where(c => query.Kind == Call && c.OpportunityId == query.OpportunityId && c.Key == query.Key);
            var actions = db.Actions.Where(a => query.Kind == Action && a.OpportunityId == query.OpportunityId && a.Key == query.Key);
            var entries = await ReadCalendarEntries.ReadAsync(db, calls, actions, ct);
            if (entries.Count == 0)
            {
                if (query.Kind == Action && await actions.AnyAsync(ct)) return Error.NotFound(Messages.Format("Calendar.action.NoDue", query.Key));
                return Error.NotFound(Messages.Format("NotFound", Messages.Format("Calendar.Kind." + query.Kind), query.Key));
            }
            var entry = entries[0];
            return new File($"{entry.Kind}-{entry.Key}.ics", CalendarEntries.Write(entries, entry.OpportunityName, query.BaseUri));
        }
    }
}
