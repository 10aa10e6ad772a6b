using KeySell.Application.Actions;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Resources;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calendar;

/// <summary>
/// The feed behind a secret calendar link (decision 0027): the planned calls on deals the link's user owns and the
/// open actions with a due day that are theirs (<see cref="MyActions"/>), read under that user's own access rules, as
/// an iCalendar document. No cookie: the secret is the credential, so an unknown, replaced or malformed secret — or a
/// disabled user — is the same 404.
/// </summary>
public static class GetCalendarFeed
{
    public sealed record Query(string Secret, Uri BaseUri);

    public sealed record Feed(string Text);

    public sealed class Handler(AppDbContext db, DbContextOptions<AppDbContext> options, TimeProvider time)
    {
        public async Task<Result<Feed>> Handle(Query query, CancellationToken ct)
        {
            var notFound = Error.NotFound(Messages.Format("Calendar.UnknownLink"));
            if (CalendarLink.HashOf(query.Secret) is not { } hash) return notFound;
            // Found by its hash, past the access rules: the one who presents the secret is not signed in.
            var link = await db.CalendarLinks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.SecretHash == hash, ct);
            if (link is null || !link.Matches(hash)) return notFound;
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == link.UserId, ct);
            if (user is null || user.Disabled) return notFound;

            // Everything else is read as the link's user, so the feed holds nothing they could not read themselves.
            await using var asUser = new AppDbContext(options, time, new Subscriber(user));
            var entries = user.ColleagueId is { } me
                ? await ReadCalendarEntries.ReadAsync(asUser,
                    asUser.Calls.Where(c => c.Status == CallStatus.Planned && asUser.Opportunities.Any(o => o.Id == c.OpportunityId && o.OwnerId == me)),
                    MyActions.Of(asUser, me).Where(a => a.Status == ActionStatus.Open),
                    ct)
                : [];
            return new Feed(CalendarEntries.Write(entries, Messages.Format("Calendar.Name", user.Email ?? ""), query.BaseUri));
        }
    }

    /// <summary>The link's user, as the access rules know users; nothing is written under this name.</summary>
    private sealed class Subscriber(AppUser user) : ICurrentUser
    {
        public string Name => $"calendar:{user.Email}";
        public string? UserId => user.Id;
        public Guid? ColleagueId => user.ColleagueId;
        public Role? Role => user.Role;
    }
}
