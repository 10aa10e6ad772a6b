using KeySell.Application.Data;
using KeySell.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Calls;

/// <summary>
/// A held call is a contact: each person met has been contacted on the call's day, unless the grid already knows of a
/// later contact. Saved with the call, in its transaction, so the grid and the call never disagree.
/// </summary>
internal static class LastContacts
{
    public static async Task MoveAsync(AppDbContext db, Call call, CancellationToken ct)
    {
        if (call.Status != CallStatus.Done || call.With.Count == 0) return;
        var keys = call.With.ToList();
        var met = await db.BuyingInfluences.Where(i => i.OpportunityId == call.OpportunityId && keys.Contains(i.Key)).ToListAsync(ct);
        foreach (var influence in met)
        {
            if (influence.LastContact is null || influence.LastContact < call.Date) influence.LastContact = call.Date;
        }
    }
}
