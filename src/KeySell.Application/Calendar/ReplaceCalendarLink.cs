using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calendar;

/// <summary>
/// Makes the caller a new secret calendar link, replacing any earlier one (which stops working at once). The secret is
/// returned this once and stored only as its hash (decision 0027); the history and the security log say that the link
/// was replaced and when, never what it was.
/// </summary>
public static class ReplaceCalendarLink
{
    public sealed record Command;

    /// <param name="Secret">The secret the link carries; <see cref="UrlFor"/> makes the link of it.</param>
    public sealed record Issued(string Secret, DateTimeOffset IssuedAt);

    public sealed class Handler(AppDbContext db, TimeProvider time, SecurityLog log)
    {
        public async Task<Result<Issued>> Handle(Command command, CancellationToken ct)
        {
            // The operator (CLI) is no user and has no calendar.
            if (db.Caller.UserId is not { } userId) return Error.Forbidden(Messages.Format("Calendar.NoUser"));
            var secret = CalendarLink.NewSecret();
            var now = time.GetUtcNow();
            var link = await db.CalendarLinks.FirstOrDefaultAsync(l => l.UserId == userId, ct);
            var replaced = link is not null;
            if (link is null) db.CalendarLinks.Add(link = new CalendarLink { UserId = userId });
            link.SecretHash = CalendarLink.HashOf(secret)!;
            link.IssuedAt = now;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            await log.RecordAsync(SecurityEventKinds.CalendarLink, userId, db.Caller.Name, replaced ? "replaced" : "created", ct);
            return new Issued(secret, now);
        }
    }

    /// <summary>The link a calendar program subscribes to: <c>{app}/calendar/{secret}.ics</c>.</summary>
    public static string UrlFor(Uri baseUri, string secret) => new Uri(baseUri, $"calendar/{secret}.ics").ToString();
}
