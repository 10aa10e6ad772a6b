using KeySell.Application.Common;
using KeySell.Application.Data;

namespace KeySell.Application.Security;

/// <summary>
/// Writes the security log. Call it from any use case that signs someone in or out or changes a
/// user or a team; it saves at once, on its own, so a refused change is still recorded as tried.
/// </summary>
public sealed class SecurityLog(AppDbContext db, TimeProvider time, IClientAddress client)
{
    public async Task RecordAsync(string kind, string? userId, string? email, string? detail, CancellationToken ct = default)
    {
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = time.GetUtcNow(),
            Kind = kind,
            UserId = userId,
            Email = Texts.Cut(email, SecurityEvent.EmailMaxLength),
            Ip = Texts.Cut(client.Ip, SecurityEvent.IpMaxLength),
            Detail = Texts.Cut(detail, SecurityEvent.DetailMaxLength),
        });
        await db.SaveChangesAsync(ct);
    }

}
