using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Identity;

/// <summary>
/// Ends every session of a user and renews their security stamp, so each cookie and token they
/// hold is refused on its next request. Call it when an admin changes a user's role or disables
/// them, or when the user asks to sign out everywhere.
/// </summary>
public sealed class SessionRevocation(AppDbContext db, TimeProvider time)
{
    /// <summary>
    /// Saves the context, including changes the caller made to the user, so call it as the last
    /// step of such a change. <paramref name="exceptSessionId"/> keeps the caller's own session open.
    /// </summary>
    public async Task RevokeAllAsync(string userId, string reason = "all-devices", Guid? exceptSessionId = null, CancellationToken ct = default)
    {
        // Through the tracked user, so a caller who loaded and changed it does not write the old stamp back.
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null) return;
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        await db.SaveChangesAsync(ct);

        var now = time.GetUtcNow();
        await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != exceptSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct);
    }
}
