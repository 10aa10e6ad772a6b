using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calendar;

/// <summary>Whether the caller has a calendar link and since when (the link itself was shown once, when it was made).</summary>
public static class GetCalendarLink
{
    public sealed record Query;

    public sealed record State(bool Exists, DateTimeOffset? IssuedAt);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<State>> Handle(Query query, CancellationToken ct)
        {
            if (db.Caller.UserId is not { } userId) return new State(false, null);
            var issued = await db.CalendarLinks.Where(l => l.UserId == userId).Select(l => (DateTimeOffset?)l.IssuedAt).FirstOrDefaultAsync(ct);
            return new State(issued is not null, issued);
        }
    }
}
