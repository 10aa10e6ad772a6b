using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Security;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Identity;

/// <summary>Opens, checks, refreshes and ends the server-side sessions behind cookies and bearer tokens.</summary>
public sealed class Sessions(AppDbContext db, TimeProvider time, IClientAddress client, SecurityLog log)
{
    // Writing on every request would turn every read into a write; a minute is precise enough for "last seen".
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public async Task<UserSession> OpenAsync(string userId, string? userAgent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            UserAgent = Texts.Cut(userAgent, UserSession.UserAgentMaxLength),
            Ip = Texts.Cut(client.Ip, UserSession.IpMaxLength),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>
    /// Whether a credential is still good: its session is open, its user is enabled and its security
    /// stamp is the user's current one (a password, role or access change renews the stamp).
    /// </summary>
    public async Task<SessionState> CheckAsync(string? sessionId, string? userId, string? securityStamp, CancellationToken ct)
    {
        if (!Guid.TryParse(sessionId, out var id) || string.IsNullOrEmpty(userId)) return SessionState.Closed;
        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == id && s.UserId == userId && s.RevokedAt == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.LastSeenAt, u.SecurityStamp, u.Disabled, u.MustChangePassword })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Disabled || !string.Equals(row.SecurityStamp, securityStamp, StringComparison.Ordinal)) return SessionState.Closed;

        var now = time.GetUtcNow();
        if (now - row.LastSeenAt > LastSeenPrecision)
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        return row.MustChangePassword ? SessionState.OpenMustChangePassword : SessionState.Open;
    }

    public async Task RevokeAsync(string? sessionId, string reason, CancellationToken ct)
    {
        if (!Guid.TryParse(sessionId, out var id)) return;
        var now = time.GetUtcNow();
        await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct);
    }

    /// <summary>
    /// Moves a bearer session to its next refresh generation, if <paramref name="generation"/> is its
    /// current one. A refresh token that was already used is a replay: the whole session ends.
    /// </summary>
    public async Task<RefreshOutcome> RotateAsync(string? sessionId, int generation, CancellationToken ct)
    {
        if (!Guid.TryParse(sessionId, out var id)) return RefreshOutcome.Refused;
        // One conditional update, so two refreshes racing with the same token cannot both win.
        var rotated = await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null && s.RefreshGeneration == generation)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshGeneration, generation + 1), ct);
        if (rotated == 1) return RefreshOutcome.Rotated;

        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || session.RevokedAt is not null) return RefreshOutcome.Refused;
        await RevokeAsync(sessionId, SecurityEventKinds.RefreshReuse, ct);
        await log.RecordAsync(SecurityEventKinds.RefreshReuse, session.UserId, null,
            $"Refresh token of generation {generation} presented again (current {session.RefreshGeneration}); session {id} revoked.", ct);
        return RefreshOutcome.Reused;
    }

    /// <summary>Moves an open session to its next generation, for new tokens issued without a refresh token (after a password change).</summary>
    public async Task<int?> AdvanceAsync(Guid id, CancellationToken ct)
    {
        var generation = await db.UserSessions.Where(s => s.Id == id && s.RevokedAt == null)
            .Select(s => (int?)s.RefreshGeneration).FirstOrDefaultAsync(ct);
        if (generation is not { } current) return null;
        return await RotateAsync(id.ToString(), current, ct) == RefreshOutcome.Rotated ? current + 1 : null;
    }

}

public enum SessionState
{
    Closed,
    Open,
    OpenMustChangePassword,
}

public enum RefreshOutcome
{
    Rotated,
    Refused,
    Reused,
}
