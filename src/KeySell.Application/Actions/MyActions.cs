using KeySell.Application.Data;
using KeySell.Domain.Actions;

namespace KeySell.Application.Actions;

/// <summary>
/// Which actions are a user's: those on deals their colleague owns, and those their colleague owns on any deal they
/// may read. One definition for Home's "my actions due this week", <c>GET /api/me/actions</c> and the calendar feed.
/// </summary>
internal static class MyActions
{
    /// <summary>Through the access rules of <paramref name="db"/>'s caller: an action on a deal they cannot read is never theirs to see.</summary>
    public static IQueryable<SellingAction> Of(AppDbContext db, Guid colleagueId) =>
        db.Actions.Where(a => a.OwnerId == colleagueId
            || db.Opportunities.Any(o => o.Id == a.OpportunityId && o.OwnerId == colleagueId));
}
